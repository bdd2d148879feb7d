/**
 * Tells the background the posts were seen (clearing the toolbar badge) once the list has
 * rendered, and again whenever new unseen posts arrive while the popup is open. The ids stay
 * marked "New" in this popup until it closes, so people can still spot what just came in.
 * `unseen` is null until the background has answered (the popup may be drawing the snapshot of
 * its last opening): nothing is marked seen before the background said what is new.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { PopupClient } from './PopupClient';

export function useMarkSeen(client: PopupClient, unseen: readonly string[] | null): ReadonlySet<string> {
  const seenThisSession = useRef(new Set<string>());
  const key = unseen?.join('\u0000') ?? null;
  const newIds = useMemo(() => {
    for (const id of unseen ?? []) seenThisSession.current.add(id);
    return new Set(seenThisSession.current);
    // Keyed on the ids, not the array: a refetch with the same unseen ids keeps the same set.
  }, [key]);
  useEffect(() => {
    if (key === null) return;
    client.markSeen().catch(() => undefined);
  }, [client, key]);
  return newIds;
}
