/** Bulk seeding for the leaderboard suite: advocates, posts, share events and click counts, in set-based SQL. */
import { sql, type Kysely } from 'kysely';
import { isoWeekIndex, isoWeekStart } from '../lib/scoring';
import type { Database } from '../server/db/schema';
import type { BenchSettings } from './suite';

const CONTENT = 2_000;
const YEAR_MS = 365 * 86_400_000;

export interface SeedShape {
  advocates: number;
  /** Share events per advocate (each of a different post), spread over rounds of one share each. */
  sharesPerAdvocate: number;
  /** Every how many rounds one is this week's (10: 4 of 40; 2: 2 of 4): everyone has points this week. */
  weekEvery: number;
}

/**
 * Seeds in one transaction without the statement timeout. On PostgreSQL, foreign-key triggers are
 * skipped while seeding (session_replication_role = replica): every row refers to seeded ones.
 */
export async function seedBoard(
  db: Kysely<Database>,
  kind: BenchSettings['databases'][number],
  now: number,
  shape: SeedShape,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (kind === 'postgres') {
      await sql`set local statement_timeout = 0`.execute(trx);
      await sql`set local session_replication_role = replica`.execute(trx);
    }
    await seedRows(trx, kind, now, shape);
  });
  await sql`analyze`.execute(db);
}

async function seedRows(
  db: Kysely<Database>,
  kind: BenchSettings['databases'][number],
  now: number,
  { advocates, sharesPerAdvocate, weekEvery }: SeedShape,
): Promise<void> {
  const shares = advocates * sharesPerAdvocate;
  const weekStart = isoWeekStart(isoWeekIndex(now));
  const elapsed = Math.max(1, now - weekStart);
  const pg = kind === 'postgres';
  const series = (n: number, body: (g: string) => ReturnType<typeof sql>) =>
    pg
      ? sql`${body('g.g')} from generate_series(1, ${sql.lit(n)}) as g(g)`
      : sql`${body('g.g')} from (with recursive s(g) as (select 1 union all select g + 1 from s where g < ${sql.lit(n)}) select g from s) as g`;
  const pad = (expr: ReturnType<typeof sql>, width: number) =>
    pg ? sql`lpad((${expr})::text, ${sql.lit(width)}, '0')` : sql`printf('%0${sql.raw(String(width))}d', ${expr})`;
  const g = (column: string) => sql.raw(column);
  /** A series value as a 64-bit integer, so products do not overflow PostgreSQL's int4. */
  const b = (column: string) => (pg ? `(${column})::bigint` : `(${column})`);

  await sql`insert into advocates (id, name, ref, token_hash, invite_id, click_tracking, leaderboard, created_at, last_sync_at, team)
    ${series(
      advocates,
      (c) => sql`select 'adv' || ${pad(g(c), 6)}, 'Advocate ' || ${g(c)}, 'ref' || ${g(c)},
      'none:adv' || ${pad(g(c), 6)}, null, 1, case when ${g(c)} % 20 = 0 then 0 else 1 end, ${sql.lit(now)}, null,
      case when ${g(c)} % 5 = 0 then 'Team ' || (${g(c)} % 40) else null end`,
    )}`.execute(db);
  // One browser's token each (advocate_tokens); a hash no token has, as nobody calls with them.
  await sql`insert into advocate_tokens (token_hash, advocate_id, via, created_at, used_at)
    ${series(advocates, (c) => sql`select ${pad(g(c), 64)}, 'adv' || ${pad(g(c), 6)}, 'invite', ${sql.lit(now)}, null`)}`.execute(
    db,
  );

  await sql`insert into content (id, title, url, note, image_url, campaign, language, tags, variants, networks, status, publish_at, expires_at, seq, created_at, updated_at)
    ${series(
      CONTENT,
      (c) => sql`select 'cnt' || ${pad(g(c), 5)}, 'Bench post ' || ${g(c)}, 'https://example.com/p/' || ${g(c)},
      null, null, null, null, '[]', '{}', '["linkedin","x","facebook"]', 'archived',
      ${sql.lit(now)} - ${sql.raw(`${b(c)} * 15768000`)}, null, 0, ${sql.lit(now)}, ${sql.lit(now)}`,
    )}`.execute(db);

  // Round r (g / advocates) gives each advocate one share, of a different post per round, on
  // rotating networks; every weekEvery-th round is this week's, the rest spread over the past
  // year; a quarter are personalised. (7919 is prime: a permutation of advocates per round.)
  const advocateOf = (c: string) => pad(sql.raw(`1 + (${b(c)} * 7919) % ${advocates}`), 6);
  const contentOf = (c: string) =>
    pad(sql.raw(`1 + (${b(c)} * 104729 + (${b(c)} / ${advocates}) * 613) % ${CONTENT}`), 5);
  const networkOf = (c: string) => sql.raw(`case ${c} % 3 when 0 then 'linkedin' when 1 then 'x' else 'facebook' end`);
  const thisWeek = (c: string) => `(${c} / ${advocates}) % ${weekEvery} = 0`;
  const timeOf = (c: string) =>
    sql.raw(
      `case when ${thisWeek(c)} then ${weekStart} + (${b(c)} * 15485863) % ${elapsed} ` +
        `else ${now} - (${b(c)} * 15485863) % ${YEAR_MS} end`,
    );
  await sql`insert into shares (id, advocate_id, content_id, network, shared_at, personalized, received_at)
    ${series(
      shares,
      (c) => sql`select 'shr' || ${g(c)}, 'adv' || ${advocateOf(c)}, 'cnt' || ${contentOf(c)}, ${networkOf(c)},
      ${timeOf(c)}, case when ${g(c)} % 4 = 0 then 1 else 0 end, ${sql.lit(now)}`,
    )}`.execute(db);

  // Tracked links and click counts for the first round of shares (this week's).
  await sql`insert into links (code, advocate_id, content_id, network, created_at)
    ${series(
      advocates,
      (c) => sql`select 'L' || ${g(c)}, 'adv' || ${advocateOf(c)}, 'cnt' || ${contentOf(c)},
      ${networkOf(c)}, ${sql.lit(now)}`,
    )}
    where true on conflict do nothing`.execute(db);
  await sql`insert into click_counts (code, hour, clicks)
    select code, ${sql.lit(Math.floor(now / 3_600_000))}, 1 + cast(substr(code, 2) as integer) % 25 from links where code like 'L%'`.execute(
    db,
  );
}
