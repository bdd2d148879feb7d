/**
 * What the popup shows: the enrolment, the sync status, the posts with this advocate's suggested
 * texts, the points summary, shares waiting and shares the server refused, and, once access ended,
 * why. With `limit`, only the newest `limit` posts (read through the publishAt index, so a first
 * render with 1,000 cached posts doesn't wait for all of them); the popup asks for the rest after.
 */
import { getMeta, type RelayDexie } from './db';
import type { PopupItem, PopupState } from '../../components/shared/views';
import { pendingShareCount, refusedShares } from './outbox';
import { localScore } from './points';
import { suggestion } from './suggestion';

export async function popupState(db: RelayDexie, locked: string | null, limit?: number): Promise<PopupState> {
  const [enrollment, status, unseen, scoring, me, accessEnded] = await Promise.all([
    getMeta(db, 'enrollment'),
    getMeta(db, 'status'),
    getMeta(db, 'unseen'),
    getMeta(db, 'scoring'),
    getMeta(db, 'me'),
    getMeta(db, 'accessEnded'),
  ]);
  const [content, total, points, pendingShares, refused] = await Promise.all([
    limit === undefined ? db.content.toArray() : db.content.orderBy('publishAt').reverse().limit(limit).toArray(),
    db.content.count(),
    scoring ? localScore(db, scoring, me?.value?.history ?? null, Date.now()) : null,
    pendingShareCount(db),
    refusedShares(db),
  ]);
  const advocateId = enrollment?.advocate.id ?? '';
  const items: PopupItem[] = content
    .sort((a, b) => (b.publishAt ?? b.createdAt).localeCompare(a.publishAt ?? a.createdAt) || a.id.localeCompare(b.id))
    .map(({ variants: _variants, links: _links, ...item }) => ({
      ...item,
      suggestions: Object.fromEntries(
        item.networks.map((network) => [
          network,
          suggestion({ ...item, variants: _variants, links: _links }, network, advocateId).text,
        ]),
      ),
    }));
  return {
    setup: {
      serverUrl: locked ?? enrollment?.serverUrl ?? accessEnded?.serverUrl ?? '',
      locked: locked !== null,
    },
    enrollment: enrollment ? { serverUrl: enrollment.serverUrl, advocate: enrollment.advocate } : null,
    status: status ?? { error: null },
    content: items,
    total,
    unseen: unseen ?? [],
    points: points && { points: points.points, shares: points.shares, level: points.level },
    pendingShares,
    refusedShares: refused,
    accessEnded: enrollment ? null : (accessEnded ?? null),
  };
}
