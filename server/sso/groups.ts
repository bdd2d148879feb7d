/** The groups claim kept as 'idp' groups: an advocate's memberships of them replaced at each sign-in. */
import type { Kysely } from 'kysely';
import { newId } from '../crypto';
import type { Database } from '../db/schema';

/** The 'idp' groups with these names, by name. */
async function idpGroupIds(db: Kysely<Database>, names: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('groups')
    .select(['id', 'display_name'])
    .where('source', '=', 'idp')
    .where('display_name', 'in', names)
    .execute();
  return new Map(rows.map((row) => [row.display_name, row.id]));
}

/**
 * The ids of the 'idp' groups with these names, made when missing. The unique index on (source,
 * display_name) keeps one group per name: a sign-in making one that another made meanwhile inserts
 * nothing (on conflict do nothing), then reads the other's.
 */
async function idpGroups(db: Kysely<Database>, names: readonly string[], now: number): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const found = await idpGroupIds(db, names);
  const missing = names.filter((name) => !found.has(name));
  if (missing.length === 0) return new Set(found.values());
  await db
    .insertInto('groups')
    .values(
      missing.map((name) => ({
        id: newId(),
        display_name: name,
        external_id: null,
        source: 'idp',
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['source', 'display_name']).doNothing())
    .execute();
  const all = await idpGroupIds(db, names);
  const absent = names.filter((name) => !all.has(name));
  if (absent.length > 0) throw new Error(`the 'idp' groups ${absent.join(', ')} were neither made nor found`);
  return new Set(all.values());
}

/**
 * Makes `advocateId`'s memberships of 'idp' groups exactly `names` (SCIM and console groups are
 * left alone). Run inside the sign-in's transaction.
 */
export async function replaceIdpGroups(
  db: Kysely<Database>,
  advocateId: string,
  names: readonly string[],
  now: number,
): Promise<void> {
  const wanted = await idpGroups(db, names, now);
  const current = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select('group_members.group_id')
    .where('group_members.advocate_id', '=', advocateId)
    .where('groups.source', '=', 'idp')
    .execute();
  const have = new Set(current.map((row) => row.group_id));
  const leaving = [...have].filter((id) => !wanted.has(id));
  if (leaving.length > 0) {
    await db
      .deleteFrom('group_members')
      .where('advocate_id', '=', advocateId)
      .where('group_id', 'in', leaving)
      .execute();
  }
  const joining = [...wanted].filter((id) => !have.has(id));
  if (joining.length > 0) {
    await db
      .insertInto('group_members')
      .values(joining.map((groupId) => ({ group_id: groupId, advocate_id: advocateId })))
      .onConflict((oc) => oc.columns(['group_id', 'advocate_id']).doNothing())
      .execute();
  }
}
