/**
 * The popup's copy of the background state: fetched on open, fetched again whenever the background
 * posts 'changed', and replaced directly by answers that carry a fresh state (syncNow). Only the
 * latest request wins, so a slow answer never overwrites a newer one.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PopupState } from '../utils/messaging';
import { describeError } from './describeError';
import type { PopupClient } from './PopupClient';

export interface PopupStateHandle {
  state: PopupState | null;
  /** The last fetch failed (with or without an older state still on screen). */
  error: string | null;
  reload(): Promise<void>;
  replace(state: PopupState): void;
}

function looksLikeState(value: unknown): value is PopupState {
  const state = value as Partial<PopupState> | null | undefined;
  return !!state && typeof state === 'object' && Array.isArray(state.content) && !!state.status && !!state.setup;
}

export function usePopupState(client: PopupClient): PopupStateHandle {
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const next = await client.getState();
      if (!looksLikeState(next)) throw new Error('The Relay background sent an answer the popup does not understand.');
      if (ticket !== latest.current) return;
      setState(next);
      setError(null);
    } catch (caught) {
      if (ticket === latest.current) setError(describeError(caught));
    }
  }, [client]);

  const replace = useCallback((next: PopupState) => {
    latest.current++;
    setState(next);
    setError(null);
  }, []);

  // A layout effect, so the first request leaves right after the first render rather than a frame
  // later (a plain effect waits for the next animation frame): the list shows that much sooner.
  useLayoutEffect(() => {
    void reload();
    return client.subscribe(() => void reload());
  }, [client, reload]);

  return { state, error, reload, replace };
}
