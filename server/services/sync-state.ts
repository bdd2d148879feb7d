/**
 * What a sync's ETag is made of: the change counter and the latest publish or expiry moment that
 * has passed. Every advocate shares it, so it is kept in memory and read from the database only
 * when it may have moved: after a change notification (this instance's or, through LISTEN,
 * another's), once the next publish/expiry moment arrives, or after `ttlMs` as a safety net.
 * A client that is current then gets its 304 with no query beyond its token lookup.
 */
import type { Kysely } from 'kysely';
import type { ChangeFeed } from '../changes';
import type { Database } from '../db/schema';

export interface SyncState {
  seq: number;
  /** The latest publish or expiry time that has passed: crossing one changes what is live. */
  boundary: number;
  /** The next publish or expiry time still to come, if any. */
  nextBoundary: number | null;
}

export async function readSyncState(db: Kysely<Database>, now: number): Promise<SyncState> {
  const row = await db
    .selectFrom('counters')
    .select((eb) => {
      const published = () => eb.selectFrom('content').where('status', '=', 'published');
      return [
        'value',
        published()
          .select((inner) => inner.fn.max('publish_at').as('m'))
          .where('publish_at', '<=', now)
          .as('last_publish'),
        published()
          .select((inner) => inner.fn.max('expires_at').as('m'))
          .where('expires_at', '<=', now)
          .as('last_expiry'),
        published()
          .select((inner) => inner.fn.min('publish_at').as('m'))
          .where('publish_at', '>', now)
          .as('next_publish'),
        published()
          .select((inner) => inner.fn.min('expires_at').as('m'))
          .where('expires_at', '>', now)
          .as('next_expiry'),
      ];
    })
    .where('name', '=', 'seq')
    .executeTakeFirstOrThrow();
  const upcoming = [row.next_publish, row.next_expiry]
    .filter((value) => value !== null && value !== undefined)
    .map(Number);
  return {
    seq: Number(row.value),
    boundary: Math.max(Number(row.last_publish ?? 0), Number(row.last_expiry ?? 0)),
    nextBoundary: upcoming.length ? Math.min(...upcoming) : null,
  };
}

export class SyncStateCache {
  private cached: { state: SyncState; validUntil: number } | undefined;
  private pending: Promise<SyncState> | undefined;
  private generation = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    changes: ChangeFeed,
    private readonly ttlMs = 1_000,
  ) {
    changes.subscribe(() => this.invalidate());
  }

  invalidate(): void {
    this.generation++;
    this.cached = undefined;
    this.pending = undefined;
  }

  read(): Promise<SyncState> {
    const now = this.now();
    if (this.cached && now < this.cached.validUntil) return Promise.resolve(this.cached.state);
    if (this.pending) return this.pending;
    const generation = this.generation;
    const pending = readSyncState(this.db, now).then(
      (state) => {
        if (generation === this.generation) {
          this.cached = {
            state,
            validUntil: Math.min(now + this.ttlMs, state.nextBoundary ?? Number.POSITIVE_INFINITY),
          };
          this.pending = undefined;
        }
        return state;
      },
      (error: unknown) => {
        if (generation === this.generation) this.pending = undefined;
        throw error;
      },
    );
    this.pending = pending;
    return pending;
  }
}
