/** Audiences on the server: the groups an advocate is in (read with their token), the check that a post names only known groups, and who is in an audience. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { advocateAudience, compileAudience, inAudience, type AdvocateAudience } from '../../lib/audiences';
import type { DialectName } from '../db';
import type { Database } from '../db/schema';
import { ProblemError } from '../problem';

/**
 * The advocate's group ids, comma-joined, as a correlated subquery on `advocates.id`: read in the
 * same query as their token, so a sync's ETag knows their audience at no extra round trip.
 */
export function groupIdsColumn(dialect: DialectName): RawBuilder<string | null> {
  return dialect === 'postgres'
    ? sql<
        string | null
      >`(select string_agg(gm.group_id, ',') from group_members gm where gm.advocate_id = advocates.id)`
    : sql<
        string | null
      >`(select group_concat(gm.group_id, ',') from group_members gm where gm.advocate_id = advocates.id)`;
}

export function audienceFromRow(row: {
  group_ids: string | null;
  region: string | null;
  language: string | null;
}): AdvocateAudience {
  return advocateAudience({
    groups: row.group_ids ? row.group_ids.split(',') : [],
    region: row.region,
    language: row.language,
  });
}

/** One advocate's audience facts, read now. */
export async function readAdvocateAudience(
  db: Kysely<Database>,
  dialect: DialectName,
  advocateId: string,
): Promise<AdvocateAudience> {
  const row = await db
    .selectFrom('advocates')
    .select(['region', 'language'])
    .select(groupIdsColumn(dialect).as('group_ids'))
    .where('id', '=', advocateId)
    .executeTakeFirst();
  return audienceFromRow(row ?? { group_ids: null, region: null, language: null });
}

/** Every current advocate's audience facts, by id (for the stream, analytics and reach counts). */
export async function readAudiences(
  db: Kysely<Database>,
  advocateIds?: readonly string[],
): Promise<Map<string, AdvocateAudience>> {
  const result = new Map<string, AdvocateAudience>();
  if (advocateIds && advocateIds.length === 0) return result;
  const chunks = advocateIds ? chunk(advocateIds, 500) : [undefined];
  for (const ids of chunks) {
    let people = db.selectFrom('advocates').select(['id', 'region', 'language']).where('access_ended', 'is', null);
    let members = db.selectFrom('group_members').select(['advocate_id', 'group_id']);
    if (ids) {
      people = people.where('id', 'in', ids);
      members = members.where('advocate_id', 'in', ids);
    }
    const [rows, memberships] = await Promise.all([people.execute(), members.execute()]);
    const groups = new Map<string, string[]>();
    for (const { advocate_id, group_id } of memberships) {
      const list = groups.get(advocate_id) ?? [];
      list.push(group_id);
      groups.set(advocate_id, list);
    }
    for (const row of rows) {
      result.set(
        row.id,
        advocateAudience({ groups: groups.get(row.id) ?? [], region: row.region, language: row.language }),
      );
    }
  }
  return result;
}

/** The ids of the advocates (current ones) in an audience. */
export async function advocatesIn(db: Kysely<Database>, entries: readonly string[]): Promise<string[]> {
  const audience = compileAudience(entries);
  const all = await readAudiences(db);
  return [...all].filter(([, facts]) => inAudience(audience, facts)).map(([id]) => id);
}

/** Refuses (422, naming them) group ids in `entries` that are no group. */
export async function checkAudienceGroups(db: Kysely<Database>, entries: readonly string[] | undefined): Promise<void> {
  const ids = (entries ?? []).filter((entry) => !entry.includes(':'));
  if (ids.length === 0) return;
  const known = await db.selectFrom('groups').select('id').where('id', 'in', ids).execute();
  const found = new Set(known.map((row) => row.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length === 0) return;
  throw new ProblemError(422, `The audiences name groups that do not exist: ${unknown.join(', ')}.`, {
    type: 'validation',
    errors: unknown.map((id) => ({ path: `audiences.${entries!.indexOf(id)}`, message: `no group with id ${id}` })),
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}
