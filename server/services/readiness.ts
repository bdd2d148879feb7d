/** Whether this instance should get traffic: not shutting down, and its database answers and takes writes. */
import { sql } from 'kysely';
import type { Deps } from '../context';
import { RETRY_AFTER } from '../db/availability';
import { ProblemError } from '../problem';

function notReady(detail: string, retryAfter: number): ProblemError {
  return new ProblemError(503, `Not ready: ${detail}`, {
    type: 'not-ready',
    title: 'Service Unavailable',
    headers: { 'retry-after': String(retryAfter), 'cache-control': 'no-store' },
  });
}

/** Throws a 503 saying why this instance should not get traffic; never the database's own words. */
export async function checkReady(deps: Deps): Promise<void> {
  if (deps.lifecycle.shuttingDown) throw notReady('the server is shutting down.', 1);
  const { availability } = deps;
  const unreachable = () => notReady('the database cannot be reached.', RETRY_AFTER.unreachable);
  if (!availability.reachable) throw unreachable();
  try {
    await sql`select 1`.execute(deps.db);
  } catch (error) {
    availability.report(error);
    throw unreachable();
  }
  availability.checkRoom();
  if (!availability.writable) {
    // Writes failed last time: see whether one goes through now (it rewrites a row as it was).
    try {
      await deps.db
        .updateTable('counters')
        .set({ value: sql`value` })
        .where('name', '=', 'seq')
        .execute();
      availability.writeSucceeded();
    } catch (error) {
      availability.report(error);
    }
    // Still failing (or too little room for more than that small write).
    if (!availability.writable) {
      throw notReady('the database cannot save data (its storage may be full).', RETRY_AFTER.storage);
    }
  }
}
