/**
 * What the popup shows: the enrolment, the sync status, the posts with this advocate's suggested
 * texts, the points summary, shares waiting and shares the server refused, and, once access ended,
 * why. With `limit`, only the newest `limit` posts (read through the publishAt index, so a first
 * render with 1,000 cached posts doesn't wait for all of them); the popup asks for the rest after.
 */
import { compileGuidelines } from '../../lib/guidelines';
import { getMeta, type AccessEnded, type RelayDexie } from './db';
import type { ManagedPolicy } from './policy';
import type { LastShare, PopupItem, PopupState, SetupView } from '../../components/shared/views';
import { pendingShareCount, refusedShares } from './outbox';
import { localScore } from './points';
import { suggestion } from './suggestion';

/** What the setup screen depends on besides the database: the locked server URL and the organisation's policy. */
export interface SetupContext {
  locked: string | null;
  policy: ManagedPolicy;
  /** The browser has an extension sign-in flow (identity.launchWebAuthFlow). */
  signInAvailable: boolean;
}

/** `context` may still be on its way (the policy read): it is waited for only once the database has answered. */
export async function popupState(
  db: RelayDexie,
  context: SetupContext | Promise<SetupContext>,
  limit?: number,
): Promise<PopupState> {
  const setup = Promise.resolve(context);
  // Its failure is this call's, once awaited below; not an unhandled rejection while the reads run.
  setup.catch(() => undefined);
  const [enrollment, status, unseen, scoring, me, accessEnded, guidelines] = await Promise.all([
    getMeta(db, 'enrollment'),
    getMeta(db, 'status'),
    getMeta(db, 'unseen'),
    getMeta(db, 'scoring'),
    getMeta(db, 'me'),
    getMeta(db, 'accessEnded'),
    getMeta(db, 'guidelines'),
  ]);
  const [content, total, points, pendingShares, refused] = await Promise.all([
    limit === undefined ? db.content.toArray() : db.content.orderBy('publishAt').reverse().limit(limit).toArray(),
    db.content.count(),
    scoring ? localScore(db, scoring, me?.value?.history ?? null, Date.now()) : null,
    pendingShareCount(db),
    refusedShares(db),
  ]);
  const advocateId = enrollment?.advocate.id ?? '';
  const latest = await lastShares(
    db,
    content.map((item) => item.id),
  );
  const rules = guidelines ? compileGuidelines(guidelines) : undefined;
  const items: PopupItem[] = content
    .sort((a, b) => (b.publishAt ?? b.createdAt).localeCompare(a.publishAt ?? a.createdAt) || a.id.localeCompare(b.id))
    .map(({ variants: _variants, links: _links, ...item }) => ({
      ...item,
      suggestions: Object.fromEntries(
        item.networks.map((network) => [
          network,
          suggestion({ ...item, variants: _variants, links: _links }, network, advocateId, rules).text,
        ]),
      ),
      lastShare: latest.get(item.id) ?? null,
    }));
  return {
    setup: setupView(await setup, enrollment?.serverUrl ?? accessEnded?.serverUrl ?? '', accessEnded),
    enrollment: enrollment
      ? {
          serverUrl: enrollment.serverUrl,
          advocate: { id: enrollment.advocate.id, name: enrollment.advocate.name },
          ...(enrollment.via ? { via: enrollment.via } : {}),
        }
      : null,
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

/** The latest local share of each of `ids` (the log is indexed by content). */
async function lastShares(db: RelayDexie, ids: readonly string[]): Promise<Map<string, LastShare>> {
  const latest = new Map<string, LastShare>();
  if (!ids.length) return latest;
  for (const share of await db.shares.where('contentId').anyOf(ids).toArray()) {
    const known = latest.get(share.contentId);
    if (!known || share.sharedAt > known.sharedAt)
      latest.set(share.contentId, { network: share.network, sharedAt: share.sharedAt });
  }
  return latest;
}

/**
 * The setup screen's choices. Zero-touch (a silent sign-in as the popup opens) needs the server set
 * by policy and a mode allowing work accounts; after an access the company or an admin ended, the
 * popup does not try by itself (start-up and the backoff still do).
 */
function setupView(context: SetupContext, lastServerUrl: string, ended: AccessEnded | undefined): SetupView {
  const { locked, policy, signInAvailable } = context;
  const signIn = signInAvailable ? (policy.signIn ?? 'both') : 'invite';
  const removed = ended?.reason === 'revoked' || ended?.reason === 'deprovisioned';
  return {
    serverUrl: locked ?? lastServerUrl,
    locked: locked !== null,
    signIn,
    silentSignIn: policy.serverUrl !== null && signIn !== 'invite' && !removed,
  };
}
