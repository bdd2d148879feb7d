/** The toolbar badge's count: posts not yet seen in the popup and not shared yet from this browser. */
import { getMeta, type RelayDexie } from './db';

/** How many of the unseen posts still exist and have no share in the local log. */
export async function newUnsharedCount(db: RelayDexie): Promise<number> {
  const unseen = (await getMeta(db, 'unseen')) ?? [];
  if (!unseen.length) return 0;
  const [present, shared] = await Promise.all([
    db.content.bulkGet(unseen),
    db.shares.where('contentId').anyOf(unseen).toArray(),
  ]);
  const sharedIds = new Set(shared.map((share) => share.contentId));
  return unseen.filter((id, i) => present[i] !== undefined && !sharedIds.has(id)).length;
}

/** The badge's text: the count, "99+" past 99, nothing at 0. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
