/** What loads first: "Loading …", the failure with "Try again", or, once here, the content (after an optional header). */
import type { ComponentChildren } from 'preact';
import { Loading, LoadError } from './ui';

interface Props {
  header?: ComponentChildren;
  /** "Couldn't load the invites" (the error follows). */
  failure: string;
  /** "Loading invites…" */
  loading: string;
  /** Where it comes from: its failure, and how to try again. */
  from: { error: string | null; retry: () => void };
  /** It is here. */
  ready: boolean;
  children: () => ComponentChildren;
}

export function Loaded({ header, failure, loading, from, ready, children }: Props) {
  let body: ComponentChildren;
  if (from.error) body = <LoadError message={`${failure}: ${from.error}`} onRetry={from.retry} />;
  else if (!ready) body = <Loading label={loading} />;
  else body = children();
  return (
    <>
      {header}
      {body}
    </>
  );
}
