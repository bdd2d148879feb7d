/** A screen whose document loads first: its header, then "Loading …", the failure with "Try again", or the screen. */
import type { ComponentChildren } from 'preact';
import { Loading, LoadError } from './ui';

interface Props {
  header: ComponentChildren;
  /** What loads, as in "Couldn't load the guidelines". */
  what: string;
  error: string | null;
  onRetry: () => void;
  /** The document is here. */
  ready: boolean;
  children: () => ComponentChildren;
}

export function Loaded({ header, what, error, onRetry, ready, children }: Props) {
  let body: ComponentChildren;
  if (error) body = <LoadError message={`Couldn't load ${what}: ${error}`} onRetry={onRetry} />;
  else if (!ready) body = <Loading label={`Loading ${what}…`} />;
  else body = children();
  return (
    <>
      {header}
      {body}
    </>
  );
}
