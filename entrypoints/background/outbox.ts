/**
 * Shares are written to the local log and the outbox in one transaction, then delivered to
 * POST /v1/shares in batches. An entry leaves the outbox only after the server acknowledged it; a
 * retry after a lost answer is harmless because the server counts each event id once. Failures
 * back off exponentially (with jitter), and survive the worker being stopped: the entries are in
 * IndexedDB and an alarm brings the worker back.
 */
import type { Network, ShareEvent } from '../../lib/schemas';
import type { LocalShare, OutboxEntry, RelayDexie } from '../../utils/db';
import { ApiError, type ApiClient } from './api-client';

const BATCH = 100;
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 30 * 60_000;

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
      if (error instanceof ApiError && error.status === 422 && error.problem?.errors?.length) {
        // Some events will never be accepted (e.g. content deleted): park those, retry the rest now.
        const bad = new Set(
          error.problem.errors
            .map((e) => Number(/^events\.(\d+)\./.exec(e.path)?.[1]))
            .filter((i) => Number.isInteger(i)),
        );
        if (bad.size > 0) {
          await db.outbox.bulkPut(
            due
              .filter((_, index) => bad.has(index))
              .map((entry): OutboxEntry => ({ ...entry, rejected: error.message, lastError: error.message })),
          );
          continue;
        }
      }
      const message = (error as Error).message;
      await db.outbox.bulkPut(
        due.map((entry): OutboxEntry => ({
          ...entry,
          attempts: entry.attempts + 1,
          lastError: message,
          nextAttemptAt: now + backoffMs(entry.attempts + 1, random),
        })),
      );
      break;
    }
  }
  const pending = (await db.outbox.toArray()).filter((entry) => !entry.rejected);
  const nextAttemptAt = pending.length ? Math.min(...pending.map((entry) => entry.nextAttemptAt)) : undefined;
  return { delivered, remaining: pending.length, nextAttemptAt };
}

/** Shares waiting to reach the server (not those it refused for good), as the popup shows them. */
export function pendingShareCount(db: RelayDexie): Promise<number> {
  return db.outbox.filter((entry) => !entry.rejected).count();
}
