/**
 * One form's life, shared by every editor: a draft (given, or loaded with a retry), validation
 * with the shared zod schema (errors shown once a save was tried, live from then on), save, the
 * server's problem+json `errors[]` on the same fields, a notice, and focus after adding a row.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import { ApiError, describeError } from '../api';
import type { Notice } from '../components/ui';
import { serverErrors, zodErrors, type Errors } from './errors';
import { withoutErrorsAt } from './state';

export interface SchemaFormOptions<D> {
  /** The shared schema the server validates the same document with. */
  schema: z.ZodType;
  /** The draft as the schema's input: optional fields left empty are left out, numbers read. */
  candidate: (draft: D) => unknown;
  /** The draft to start from; null while `load` runs. */
  initial: D | null;
  /** Fetches the document as a draft; a failure shows `loadError` and `retryLoad` tries again. */
  load?: () => Promise<D>;
  /** An edit leaves the last notice on screen (by default an edit clears it). */
  keepNotice?: boolean;
}

/** What a successful save changes: the draft (as the server stored it) and the notice. */
export interface Saved<D> {
  draft?: D;
  notice?: Notice;
}

export interface SubmitOptions<D, T> {
  /** The button that is busy meanwhile (aria-busy); default 'save'. */
  action?: string;
  /** Validate and keep this draft instead of the current one ("Publish now" clears a future time). */
  draft?: D;
  /** What the schema cannot say (a time in the future), as errors by path; null when all is well. */
  check?: (value: T, draft: D) => Errors | null;
  save: (value: T, draft: D) => Promise<Saved<D> | void>;
  /** The notice for a failure without field errors. */
  failure?: (message: string) => string;
}

export function useSchemaForm<D, T = unknown>(options: SchemaFormOptions<D>) {
  const { schema, candidate } = options;
  const [draft, setDraft] = useState<D | null>(options.initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [fromServer, setFromServer] = useState<Errors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    if (!options.load) return;
    setLoadError(null);
    options
      .load()
      .then(setDraft)
      .catch((error: unknown) => setLoadError(describeError(error)));
  }, [loads]);

  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });

  const parsed = useMemo(() => (draft === null ? null : schema.safeParse(candidate(draft))), [draft]);
  const errors: Errors = {
    ...(submitted && parsed && !parsed.success ? zodErrors(parsed.error) : {}),
    ...fromServer,
  };

  /** Changes the draft; the server's errors about the changed field go (they may no longer hold). */
  function update(path: string, change: (current: D) => D): void {
    setDraft((current) => (current === null ? current : change(current)));
    if (!options.keepNotice) setNotice(null);
    setFromServer((current) => withoutErrorsAt(current, path));
  }

  function failed(next: Errors): void {
    setFromServer(next);
    setAttempt((n) => n + 1);
  }

  async function submit({ action = 'save', check, save, failure = (m) => m, ...rest }: SubmitOptions<D, T>) {
    const working = rest.draft ?? draft;
    if (working === null) return;
    if (rest.draft) setDraft(rest.draft);
    setNotice(null);
    setSubmitted(true);
    const checked = schema.safeParse(candidate(working));
    if (!checked.success) {
      setAttempt((n) => n + 1);
      return;
    }
    const value = checked.data as T;
    const more = check?.(value, working);
    if (more) return failed(more);
    setBusy(action);
    setFromServer({});
    try {
      const saved = await save(value, working);
      setSubmitted(false);
      if (saved?.draft) setDraft(saved.draft);
      if (saved?.notice) setNotice(saved.notice);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) failed(serverErrors(error.errors));
      else setNotice({ kind: 'error', text: failure(describeError(error)) });
    } finally {
      setBusy(null);
    }
  }

  /** An action that saves nothing from the form (archive): busy meanwhile, its outcome as the notice. */
  async function act(action: string, task: () => Promise<Notice>, failure: (message: string) => string) {
    setNotice(null);
    setBusy(action);
    try {
      setNotice(await task());
    } catch (error) {
      setNotice({ kind: 'error', text: failure(describeError(error)) });
    } finally {
      setBusy(null);
    }
  }

  return {
    draft,
    loadError,
    retryLoad: () => setLoads((n) => n + 1),
    errors,
    attempt,
    notice,
    setNotice,
    busy,
    update,
    /** Replaces the draft without touching errors (a value filled in from elsewhere). */
    setDraft,
    /** Clears the server's errors (after removing a row, they would point at the wrong one). */
    dropServerErrors: () => setFromServer({}),
    /** Focuses the element with this id once the next render is on screen. */
    focusLater: (id: string) => {
      focusAfterRender.current = id;
    },
    submit,
    act,
  };
}

export type SchemaForm<D, T = unknown> = ReturnType<typeof useSchemaForm<D, T>>;
