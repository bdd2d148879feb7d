/** Groups the identity provider provisioned (source 'scim') and their members (advocate ids), in the database. */
import { sql, type Kysely } from 'kysely';
import { newId } from '../crypto';
import type { Database } from '../db/schema';
import type { Page } from './paging';

type Db = Kysely<Database>;

export interface GroupRow {
  id: string;
  display_name: string;
  external_id: string | null;
  created_at: number;
  updated_at: number;
  members: { id: string; name: string }[];
}

const COLUMNS = ['id', 'display_name', 'external_id', 'created_at', 'updated_at'] as const;

function scimGroups(db: Db) {
  return db.selectFrom('groups').select(COLUMNS).where('source', '=', 'scim');
}

/** The members of these groups, by name, added to each. */
async function withMembers(db: Db, rows: Omit<GroupRow, 'members'>[]): Promise<GroupRow[]> {
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('group_members')
    .innerJoin('advocates', 'advocates.id', 'group_members.advocate_id')
    .select(['group_members.group_id', 'advocates.id', 'advocates.name'])
    .where(
      'group_members.group_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  const byGroup = new Map<string, { id: string; name: string }[]>();
  for (const member of members) {
    const list = byGroup.get(member.group_id) ?? [];
    list.push({ id: member.id, name: member.name });
    byGroup.set(member.group_id, list);
  }
  return rows.map((row) => ({
    ...row,
    members: (byGroup.get(row.id) ?? []).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
  }));
}

export async function findGroup(db: Db, id: string): Promise<GroupRow | undefined> {
  const row = await scimGroups(db).where('id', '=', id).executeTakeFirst();
  return row ? (await withMembers(db, [row]))[0] : undefined;
}

/** Groups whose `attribute` equals `value` (displayName case-insensitively), or every group. */
export async function groupsWhere(db: Db, equality?: { attribute: string; value: string }): Promise<GroupRow[]> {
  let query = scimGroups(db);
  if (equality?.attribute === 'displayname') {
    query = query.where(sql`lower(display_name)`, '=', equality.value.toLowerCase());
  } else if (equality?.attribute === 'externalid') query = query.where('external_id', '=', equality.value);
  else if (equality?.attribute === 'id') query = query.where('id', '=', equality.value);
  return withMembers(db, await query.orderBy('created_at').orderBy('id').execute());
}

export async function groupPage(db: Db, page: Page): Promise<{ rows: GroupRow[]; total: number }> {
  const counted = await db
    .selectFrom('groups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source', '=', 'scim')
    .executeTakeFirstOrThrow();
  const rows =
    page.limit === 0
      ? []
      : await scimGroups(db).orderBy('created_at').orderBy('id').offset(page.offset).limit(page.limit).execute();
  return { rows: await withMembers(db, rows), total: Number(counted.n) };
}

export function displayNameHolder(db: Db, displayName: string, except?: string): Promise<{ id: string } | undefined> {
  let query = db
    .selectFrom('groups')
    .select('id')
    .where('source', '=', 'scim')
    .where(sql`lower(display_name)`, '=', displayName.toLowerCase());
  if (except !== undefined) query = query.where('id', '!=', except);
  return query.executeTakeFirst();
}

/** Of these advocate ids, the ones SCIM provisioned. */
export async function knownUsers(db: Db, ids: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('advocates')
      .select('id')
      .where('id', 'in', part)
      .where('provisioned_at', 'is not', null)
      .execute();
    for (const row of rows) known.add(row.id);
  }
  return known;
}

/** Lists in parts small enough for any database's limit on statement parameters. */
function chunks<T>(items: T[], size = 500): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size) parts.push(items.slice(start, start + size));
  return parts;
}

/**
 * Who is in a group after a write: the whole membership (POST, PUT), or what a PATCH added and
 * removed, applied to the membership as it is now, so two PATCHes at once each keep the other's.
 */
export type Membership = { whole: string[] } | { add: string[]; remove: string[] };

export interface GroupFields {
  displayName: string;
  externalId?: string | null;
  /** Left undefined, the members stay as they are. */
  membership?: Membership;
}

async function setMembers(trx: Db, groupId: string, membership: Membership): Promise<void> {
  let add: string[];
  let remove: string[];
  if ('whole' in membership) {
    const current = await trx
      .selectFrom('group_members')
      .select('advocate_id')
      .where('group_id', '=', groupId)
      .execute();
    const had = new Set(current.map((row) => row.advocate_id));
    const wanted = new Set(membership.whole);
    remove = [...had].filter((member) => !wanted.has(member));
    add = [...wanted].filter((member) => !had.has(member));
  } else {
    ({ add, remove } = membership);
  }
  for (const part of chunks(remove)) {
    await trx.deleteFrom('group_members').where('group_id', '=', groupId).where('advocate_id', 'in', part).execute();
  }
  for (const part of chunks(add)) {
    await trx
      .insertInto('group_members')
      .values(part.map((advocateId) => ({ group_id: groupId, advocate_id: advocateId })))
      .onConflict((oc) => oc.columns(['group_id', 'advocate_id']).doNothing())
      .execute();
  }
}

/** Creates or updates a group and its members, in one transaction; returns its id. */
export async function saveGroup(db: Db, id: string | undefined, fields: GroupFields, now: number): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const groupId = id ?? newId();
    const externalId = fields.externalId !== undefined ? { external_id: fields.externalId } : {};
    if (id === undefined) {
      await trx
        .insertInto('groups')
        .values({
          id: groupId,
          display_name: fields.displayName,
          external_id: null,
          source: 'scim',
          created_at: now,
          updated_at: now,
          ...externalId,
        })
        .execute();
    } else {
      await trx
        .updateTable('groups')
        .set({ display_name: fields.displayName, updated_at: now, ...externalId })
        .where('id', '=', groupId)
        .execute();
    }
    if (fields.membership) await setMembers(trx, groupId, fields.membership);
    return groupId;
  });
}

export async function deleteGroup(db: Db, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('group_members').where('group_id', '=', id).execute();
    await trx.deleteFrom('groups').where('id', '=', id).execute();
  });
}
