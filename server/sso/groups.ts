/** The groups claim kept as 'idp' groups: an advocate's memberships of them replaced at each sign-in. */
import type { Kysely } from 'kysely';
import { newId } from '../crypto';
import type { Database } from '../db/schema';

/** The ids of the 'idp' groups with these names (the oldest, should two sign-ins have made one at once), made when missing. */
async function idpGroups(db: Kysely<Database>, names: readonly string[], now: number): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db
    .selectFrom('groups')
    .select(['id', 'display_name'])
    .where('source', '=', 'idp')
    .where('display_name', 'in', names)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byName = new Map<string, string>();
  for (const row of rows) if (!byName.has(row.display_name)) byName.set(row.display_name, row.id);
  const made = names
    .filter((name) => !byName.has(name))
    .map((name) => ({
      id: newId(),
      display_name: name,
      external_id: null,
      source: 'idp',
      created_at: now,
      updated_at: now,
    }));
  if (made.length > 0) await db.insertInto('groups').values(made).execute();
  return new Set([...byName.values(), ...made.map((group) => group.id)]);
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
