/**
 * A full connection pool is busy, not down (server/db/failures.ts): a caller that waited the whole
 * connect timeout for a pooled connection gets a 'busy' failure, and the instance goes on taking the
 * database for reachable (no connections cut, no 503 to everyone). Failures that do mean unreachable
 * stay so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseAvailability } from '../../server/db/availability';
import { DatabaseUnavailableError, failureKind } from '../../server/db/failures';
import { GuardedPgPool } from '../../server/db/pg-pool';
import { freshDatabase, type TestDatabase } from '../helpers/database';

describe('failureKind', () => {
  it('tells a full pool (busy) from a connection that failed or timed out (unreachable)', () => {
    expect(failureKind(new Error('timeout exceeded when trying to connect'))).toBe('busy');
    expect(failureKind(new Error('Connection terminated due to connection timeout'))).toBe('unreachable');
    expect(failureKind(new Error('Connection terminated unexpectedly'))).toBe('unreachable');
    expect(failureKind(new Error('Query read timeout'))).toBe('unreachable');
    expect(failureKind(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe('unreachable');
    expect(failureKind(new DatabaseUnavailableError())).toBe('unreachable');
    expect(failureKind(Object.assign(new Error('canceling statement'), { code: '57014' }))).toBe('busy');
    expect(failureKind(Object.assign(new Error('disk full'), { code: '53100' }))).toBe('storage');
    expect(failureKind(new Error('syntax error'))).toBeNull();
  });
});

describe.runIf(process.env.RELAY_TEST_DB === 'postgres')('a full pool on PostgreSQL', () => {
  let database: TestDatabase;
  let availability: DatabaseAvailability;
  let pool: GuardedPgPool;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    availability = new DatabaseAvailability('database (PostgreSQL)');
    pool = new GuardedPgPool(database.url, availability, { max: 1, timeouts: { connectMs: 300, statementMs: 5_000 } });
  });
  afterAll(async () => {
    await pool.end();
    await database.dispose();
  });

  it('fails the caller that waited as busy, and the database stays reachable with its connection whole', async () => {
    const holder = await pool.connect();
    const waited = await pool.connect().then(
      () => null,
      (error: unknown) => error,
    );
    expect((waited as Error).message).toBe('timeout exceeded when trying to connect');
    expect(failureKind(waited)).toBe('busy');
    expect(availability.reachable).toBe(true);
    // The connection that was in use all along still works, and is the pool's again once released.
    const held = await holder.query<{ one: number }>('select 1 as one', []);
    expect(held.rows).toEqual([{ one: 1 }]);
    holder.release();
    const next = await pool.connect();
    expect((await next.query<{ two: number }>('select 2 as two', [])).rows).toEqual([{ two: 2 }]);
    next.release();
  });
});
