/** What one share earns under the synced rules: the score with it minus the score without it (lib/scoring through localScore). */
import type { Network } from '../../lib/schemas';
import { isScored } from '../../lib/scoring';
import type { SharePoints } from '../../components/shared/views';
import { getMeta, type RelayDexie } from './db';
import { localScore } from './points';

/**
 * `recordedId`: the share is already in the log (Facebook's click); else it is about to be made
 * (LinkedIn and X count once posted there). null before the first sync brought the rules.
 */
export async function sharePoints(
  db: RelayDexie,
  share: { contentId: string; network: Network; recordedId?: string },
  now = Date.now(),
): Promise<SharePoints | null> {
  const [rules, me] = await Promise.all([getMeta(db, 'scoring'), getMeta(db, 'me')]);
  if (!rules) return null;
  if (!rules.enabled) return { points: 0, why: 'off' };
  if (!isScored(share.network, rules)) return { points: 0, why: 'network-off' };
  const history = me?.value?.history ?? null;
  const extra = share.recordedId
    ? undefined
    : {
        id: 'preview',
        contentId: share.contentId,
        network: share.network,
        sharedAt: new Date(now).toISOString(),
        personalized: false,
        source: 'popup' as const,
      };
  const [without, withIt] = await Promise.all([
    localScore(db, rules, history, now, share.recordedId ? { skip: share.recordedId } : {}),
    localScore(db, rules, history, now, { extra }),
  ]);
  const points = Math.max(0, withIt.points - without.points);
  if (points > 0) return { points, why: 'earned' };
  const before = await db.shares.where('[contentId+network]').equals([share.contentId, share.network]).count();
  const earlier = before - (share.recordedId ? 1 : 0);
  return { points: 0, why: earlier > 0 ? 'already' : 'cap' };
}
