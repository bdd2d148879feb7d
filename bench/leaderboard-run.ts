/** What the leaderboard suite's scenarios share: a server with room for bulk seeds, a caller near the bottom, timings. */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema';
import { expectStatus, startBenchServer, type BenchServer } from './server';
import type { BenchSettings } from './suite';

export type Kind = BenchSettings['databases'][number];

export const log = (message: string) => process.stderr.write(`[bench leaderboard] ${message}\n`);

/** A fresh server whose statements may run long enough for the bulk seed (an hour, not 30 s). */
export function startBoardServer(kind: Kind): Promise<BenchServer> {
  return startBenchServer(kind, { config: { database: { connectTimeoutMs: 10_000, statementTimeoutMs: 3_600_000 } } });
}

export interface Caller {
  token: string;
  you: { id: string; listed: boolean; team: string | null };
}

/** A real advocate with one share, so few points: near the bottom, the longest rank count. */
export async function enrolCaller(server: BenchServer): Promise<Caller> {
  const token = await server.enroll('Bench Caller');
  const content = await server.call('/v1/admin/content', {
    method: 'POST',
    token: await server.adminToken(),
    json: {
      title: 'Bench caller post',
      url: 'https://example.com/caller',
      variants: { linkedin: ['Bench caller text'] },
      networks: ['linkedin'],
      publish: true,
    },
  });
  await expectStatus(content, 201, 'create content');
  const contentId = ((await content.json()) as { id: string }).id;
  const shared = await server.call('/v1/shares', {
    method: 'POST',
    token,
    json: { events: [{ id: randomUUID(), contentId, network: 'linkedin', sharedAt: new Date().toISOString() }] },
  });
  await expectStatus(shared, 200, 'share');
  await server.running.deps.scores.idle();
  const caller = await server.running.deps.db
    .selectFrom('advocates')
    .select(['id', 'team'])
    .where('name', '=', 'Bench Caller')
    .executeTakeFirstOrThrow();
  return { token, you: { id: caller.id, listed: true, team: caller.team } };
}

/** Sorted durations (ms) of `runs` sequential calls after `warmup` unmeasured ones. */
export async function measure(run: () => Promise<unknown>, runs: number, warmup = 20): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export const quantile = (sorted: readonly number[], q: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

export async function seconds(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

/** 1 + the listed advocates of a bucket with more points than the caller, counted from advocate_points itself. */
export async function countedRank(db: Kysely<Database>, bucket: string, advocateId: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from advocate_points
    where bucket = ${bucket} and listed = 1 and points > (select points from advocate_points where advocate_id = ${advocateId} and bucket = ${bucket})`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0) + 1;
}

/** PostgreSQL's dead row versions and vacuums of the board's tables at this moment, for the report. */
export async function tableState(db: Kysely<Database>, kind: Kind): Promise<string> {
  if (kind !== 'postgres') return 'SQLite (no vacuum state)';
  const { rows } = await sql<{ relname: string; live: string; dead: string; vacuums: string; autovacuums: string }>`
    select relname, n_live_tup as live, n_dead_tup as dead, vacuum_count as vacuums, autovacuum_count as autovacuums
    from pg_stat_user_tables where schemaname = current_schema() and relname in ('advocate_points', 'advocate_rank_counts')
    order by relname`.execute(db);
  return rows
    .map(
      (r) =>
        `${r.relname}: ${r.live} live, ${r.dead} dead rows, ${r.vacuums} vacuum(s), ${r.autovacuums} autovacuum(s)`,
    )
    .join('; ');
}
