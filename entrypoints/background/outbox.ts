/**
 * Shares are written to the local log and the outbox in one transaction, then delivered to
 * POST /v1/shares in batches, with this browser's clock at sending (`sentAt`) so the server can
 * correct a clock that is off. An entry leaves the outbox only after the server acknowledged it; a
 * retry after a lost answer is harmless because the server counts each event id once. Failures
 * back off exponentially (with jitter), or as long as the server's Retry-After asks (429, 503),
 * and survive the worker being stopped: the entries are in IndexedDB and an alarm brings the
 * worker back. A share the server refuses for good stays, marked with the server's reason, until
 * the advocate has seen it in the popup and dismissed it. A 401 saying the token no longer works
 * stops the flush at once (the controller then clears the advocate's data). A server that needs a
 * newer extension (426) keeps every entry waiting, neither dropped nor refused: they go once the
 * extension is updated (or the server takes this version again).
 */
import type { Network, ShareEvent } from '../../lib/schemas';
import type { LocalShare, OutboxEntry, RelayDexie } from './db';
import type { RefusedShare } from '../../components/shared/views';
import { ApiError, type ApiClient } from './api-client';
import type { DismissRefusedShareRequest } from './messages/dismiss-refused-share';

const BATCH = 100;
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 30 * 60_000;
/** The longest Retry-After honoured as given (a server asking for more is asked again then). */
const MAX_RETRY_AFTER_MS = 6 * 60 * 60_000;
/** How often shares refused for an old extension (426) are offered again; an update sends them at once. */
const CLIENT_TOO_OLD_RETRY_MS = 60 * 60_000;

export function backoffMs(attempts: number, random = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}

export async function recordShare(
  db: RelayDexie,
  share: { contentId: string; network: Network; personalized?: boolean; source: LocalShare['source'] },
  now = Date.now(),
  id: string = crypto.randomUUID(),
): Promise<LocalShare> {
  const local: LocalShare = {
    id,
    contentId: share.contentId,
    network: share.network,
    sharedAt: new Date(now).toISOString(),
    personalized: share.personalized ?? false,
    source: share.source,
  };
  const event: ShareEvent = {
    id,
    contentId: local.contentId,
    network: local.network,
    sharedAt: local.sharedAt,
    ...(local.personalized ? { personalized: true } : {}),
  };
  await db.transaction('rw', db.shares, db.outbox, async () => {
    await db.shares.put(local);
    await db.outbox.put({ id, event, attempts: 0, nextAttemptAt: now });
  });
  return local;
}

export interface FlushResult {
  delivered: number;
  remaining: number;
  /** When the next attempt is due (epoch ms), if anything is left to send. */
  nextAttemptAt?: number;
  /** Entries the server refused for good in this flush (now shown in the popup). */
  refused?: number;
  /** The server said the token no longer works: nothing was retried or changed. */
  accessEnded?: boolean;
  /** The server needs a newer extension (426): the entries stay, waiting. */
  clientTooOld?: boolean;
}

/** The server's reasons for refusing event `index` of a batch, from a 422's `errors`. */
function refusals(errors: { path: string; message: string }[]): Map<number, string> {
  const reasons = new Map<number, string>();
  for (const error of errors) {
    const match = /^events\.(\d+)(?:\.(.+))?$/.exec(error.path);
    if (!match) continue;
    const index = Number(match[1]);
    // A sentence (servers since the share rules) is shown as it is; an older server's fragment
    // ("is not known content") is read with the field it is about.
    const reason = match[2] && !/^[A-Z]/.test(error.message) ? `${match[2]} ${error.message}` : error.message;
    reasons.set(index, reasons.has(index) ? `${reasons.get(index)}; ${reason}` : reason);
  }
  return reasons;
}

/** Sends the entries due by `dueBy` (default: now; Infinity sends every waiting entry, backoff or not). */
export async function flushOutbox(
  db: RelayDexie,
  client: ApiClient,
  now = Date.now(),
  random = Math.random,
  dueBy = now,
): Promise<FlushResult> {
  let delivered = 0;
  let refused = 0;
  for (;;) {
    const due = (
      await db.outbox
        .where('nextAttemptAt')
        .belowOrEqual(dueBy)
        .limit(BATCH * 2)
        .toArray()
    )
      .filter((entry) => !entry.rejected)
      .slice(0, BATCH);
    if (due.length === 0) break;
    try {
      await client.postShares(due.map((entry) => entry.event));
      await db.outbox.bulkDelete(due.map((entry) => entry.id));
      delivered += due.length;
    } catch (error) {
      if (error instanceof ApiError && error.accessEnd) return { delivered, remaining: 0, accessEnded: true };
      if (error instanceof ApiError && error.status === 422 && error.problem?.errors?.length) {
        // Some events will never be accepted (e.g. content deleted): park those with the server's
        // reason for the popup to show, and retry the rest now.
        const reasons = refusals(error.problem.errors);
        if (reasons.size > 0) {
          refused += reasons.size;
          await db.outbox.bulkPut(
            due.flatMap((entry, index): OutboxEntry[] => {
              const reason = reasons.get(index);
              if (reason === undefined) return [];
              // Never due again: parked entries don't take up the batches of those still to send.
              return [{ ...entry, rejected: reason, lastError: error.message, nextAttemptAt: Number.MAX_SAFE_INTEGER }];
            }),
          );
          continue;
        }
      }
      if (error instanceof ApiError && error.clientTooOld) {
        // Not the shares' fault: they wait, attempts unchanged, until the extension is updated.
        await db.outbox.bulkPut(
          due.map((entry): OutboxEntry => ({
            ...entry,
            lastError: error.message,
            nextAttemptAt: now + CLIENT_TOO_OLD_RETRY_MS,
          })),
        );
        return { ...(await waiting(db, delivered, refused)), clientTooOld: true };
      }
      const message = (error as Error).message;
      // 429 and 503 say when to come back; other failures back off.
      const wait = error instanceof ApiError ? error.retryAfterMs : undefined;
      await db.outbox.bulkPut(
        due.map((entry): OutboxEntry => ({
          ...entry,
          attempts: entry.attempts + 1,
          lastError: message,
          nextAttemptAt:
            now + (wait !== undefined ? Math.min(wait, MAX_RETRY_AFTER_MS) : backoffMs(entry.attempts + 1, random)),
        })),
      );
      break;
    }
  }
  return waiting(db, delivered, refused);
}

/** What is left to send after a flush, and when next. */
async function waiting(db: RelayDexie, delivered: number, refused: number): Promise<FlushResult> {
  const pending = (await db.outbox.toArray()).filter((entry) => !entry.rejected);
  const nextAttemptAt = pending.length ? Math.min(...pending.map((entry) => entry.nextAttemptAt)) : undefined;
  return { delivered, remaining: pending.length, nextAttemptAt, ...(refused ? { refused } : {}) };
}

/** Shares waiting to reach the server (not those it refused for good), as the popup shows them. */
export function pendingShareCount(db: RelayDexie): Promise<number> {
  return db.outbox.filter((entry) => !entry.rejected).count();
}

/** Shares the server refused for good, newest first: the popup shows each until it is dismissed. */
export async function refusedShares(db: RelayDexie): Promise<RefusedShare[]> {
  const entries = await db.outbox.filter((entry) => !!entry.rejected).toArray();
  const items = await db.content.bulkGet(entries.map((entry) => entry.event.contentId));
  return entries
    .map((entry, index) => ({
      id: entry.id,
      contentId: entry.event.contentId,
      title: items[index]?.title ?? null,
      network: entry.event.network,
      sharedAt: entry.event.sharedAt,
      reason: entry.rejected!,
    }))
    .sort((a, b) => b.sharedAt.localeCompare(a.sharedAt) || a.id.localeCompare(b.id));
}

/** The advocate saw a refused share: it leaves the outbox and the local log (it never counted). */
export async function dismissRefusedShare(
  db: RelayDexie,
  request: DismissRefusedShareRequest,
): Promise<{ ok: boolean }> {
  const { id } = request;
  return db.transaction('rw', db.outbox, db.shares, async () => {
    const entry = await db.outbox.get(id);
    if (!entry?.rejected) return { ok: false };
    await db.outbox.delete(id);
    await db.shares.delete(id);
    return { ok: true };
  });
}
