/**
 * The Points tab's data: what the background knows at once, then a refresh from the server, again
 * whenever the background says something changed and every minute while the tab is open. Only the
 * latest request wins.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PointsView } from '../shared/messaging';
import { describeError } from './describeError';
import type { PopupClient } from './PopupClient';

const REFRESH_MS = 60_000;

export interface PointsHandle {
  view: PointsView | null;
  /** The popup could not reach its own background. */
  error: string | null;
  refreshing: boolean;
  refresh(): Promise<void>;
  replace(view: PointsView): void;
}

export function usePoints(client: PopupClient): PointsHandle {
  const [view, setView] = useState<PointsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const latest = useRef(0);

  const load = useCallback(
    async (refresh: boolean) => {
      const ticket = ++latest.current;
      if (refresh) setRefreshing(true);
      try {
        const next = await client.getPoints(refresh);
        if (ticket !== latest.current) return;
        setView(next);
        setError(null);
      } catch (caught) {
        if (ticket === latest.current) setError(describeError(caught));
      } finally {
        if (ticket === latest.current) setRefreshing(false);
      }
    },
    [client],
  );

  useEffect(() => {
    void load(false).then(() => load(true));
    const timer = setInterval(() => void load(true), REFRESH_MS);
    const unsubscribe = client.subscribe(() => void load(false));
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [client, load]);

  const replace = useCallback((next: PointsView) => {
    latest.current++;
    setView(next);
    setRefreshing(false);
  }, []);

  return { view, error, refreshing, refresh: () => load(true), replace };
}
