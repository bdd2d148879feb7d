/**
 * The popup's copy of the background state: fetched on open, fetched again whenever the background
 * posts 'changed', and replaced directly by answers that carry a fresh state (syncNow). Only the
 * latest request wins, so a slow answer never overwrites a newer one.
 *
 * Until the first answer arrives, the state kept from the last opening (popupSnapshot.ts) is shown,
 * so the list is on screen at once; `fresh` says whether the background has answered yet.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PopupState } from '../shared/messaging';
import { describeError } from './describeError';
import type { PopupClient } from './PopupClient';
import { snapshotOf, stateFromSnapshot } from './popupSnapshot';
import { FIRST_PAGE } from './PostList';

export interface PopupStateHandle {
  state: PopupState | null;
  /** False while `state` is the snapshot from the last opening, not yet an answer of the background. */
  fresh: boolean;
  /** The last fetch failed (with or without an older state still on screen). */
  error: string | null;
  reload(limit?: number): Promise<void>;
  replace(state: PopupState): void;
}

function looksLikeState(value: unknown): value is PopupState {
  const state = value as Partial<PopupState> | null | undefined;
  return !!state && typeof state === 'object' && Array.isArray(state.content) && !!state.status && !!state.setup;
}

/** A performance mark made once per page, when the background's first answer is taken. */
export const FIRST_ANSWER_MARK = 'relay:first-answer';

/** Posts in the first answer: what the first screen shows. */
export const FIRST_RENDER_POSTS = FIRST_PAGE;

/**
 * Resolves once the next frame is painted (a task queued from an animation frame runs after it), or
 * after PAINT_WAIT_MS where no frame comes (a hidden page gets no animation frames).
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, PAINT_WAIT_MS);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else resolve();
  });
}

const PAINT_WAIT_MS = 100;

export function usePopupState(client: PopupClient): PopupStateHandle {
  const [state, setState] = useState<PopupState | null>(() => stateFromSnapshot(client.snapshot?.read() ?? null));
  const [fresh, setFresh] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const accept = useCallback(
    (next: PopupState) => {
      // bench/popup.ts reads it: how long the kept snapshot was on screen before the answer.
      if (performance.getEntriesByName(FIRST_ANSWER_MARK).length === 0) performance.mark(FIRST_ANSWER_MARK);
      setState(next);
      setFresh(true);
      setError(null);
      client.snapshot?.write(snapshotOf(next));
    },
    [client],
  );

  const reload = useCallback(
    async (limit?: number) => {
      const ticket = ++latest.current;
      try {
        const next = await client.getState(limit);
        if (!looksLikeState(next))
          throw new Error('The Relay background sent an answer the popup does not understand.');
        if (ticket !== latest.current) return;
        accept(next);
      } catch (caught) {
        if (ticket === latest.current) setError(describeError(caught));
      }
    },
    [client, accept],
  );

  const replace = useCallback(
    (next: PopupState) => {
      latest.current++;
      accept(next);
    },
    [accept],
  );

  // A layout effect, so the first request leaves right after the first render rather than a frame
  // later (a plain effect waits for the next animation frame): the list shows that much sooner.
  // The first answer carries only the newest posts, so the list shows without waiting for all of
  // them (with 1,000 cached posts the full state is a large message); the rest is asked once that
  // first page is painted, so building and sending it does not hold the first paint back.
  useLayoutEffect(() => {
    void reload(FIRST_RENDER_POSTS)
      .then(afterNextPaint)
      .then(() => reload());
    return client.subscribe(() => void reload());
  }, [client, reload]);

  return { state, fresh, error, reload, replace };
}
