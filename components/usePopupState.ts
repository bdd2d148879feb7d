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
  reload(limit?: number): Promise<void>;
  replace(state: PopupState): void;
}

function looksLikeState(value: unknown): value is PopupState {
  const state = value as Partial<PopupState> | null | undefined;
  return !!state && typeof state === 'object' && Array.isArray(state.content) && !!state.status && !!state.setup;
}

/** Posts in the first answer: what the first screen shows. */
export const FIRST_RENDER_POSTS = 30;

export function usePopupState(client: PopupClient): PopupStateHandle {
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback(
    async (limit?: number) => {
      const ticket = ++latest.current;
      try {
        const next = await client.getState(limit);
        if (!looksLikeState(next))
          throw new Error('The Relay background sent an answer the popup does not understand.');
        if (ticket !== latest.current) return;
        setState(next);
        setError(null);
      } catch (caught) {
        if (ticket === latest.current) setError(describeError(caught));
      }
    },
    [client],
  );

  const replace = useCallback((next: PopupState) => {
    latest.current++;
    setState(next);
    setError(null);
  }, []);

  // A layout effect, so the first request leaves right after the first render rather than a frame
  // later (a plain effect waits for the next animation frame): the list shows that much sooner.
  // The first answer carries only the newest posts, so the list shows without waiting for all of
  // them (with 1,000 cached posts the full state is a large message); the rest follows at once.
  useLayoutEffect(() => {
    void reload(FIRST_RENDER_POSTS).then(() => reload());
    return client.subscribe(() => void reload());
  }, [client, reload]);

  return { state, error, reload, replace };
}
