/** The advocates SCIM sees, those it provisioned (provisioned_at set), in the database. */
import { sql, type Kysely } from 'kysely';
import { newId, randomString } from '../crypto';
import type { Database } from '../db/schema';
import { endIdentities } from '../services/ended-identities';
import type { Page } from './paging';
import { offerLanguage } from '../services/advocate-language';
import { USER_COLUMNS, type UserFields, type UserRow } from './user-map';

type Db = Kysely<Database>;

function provisioned(db: Db) {
  return db.selectFrom('advocates').select(USER_COLUMNS).where('provisioned_at', 'is not', null);
}

export function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return provisioned(db).where('id', '=', id).executeTakeFirst();
}

/** Users whose `attribute` equals `value` (userName and emails case-insensitively), or every user. */
export function usersWhere(db: Db, equality?: { attribute: string; value: string }): Promise<UserRow[]> {
  let query = provisioned(db);
  const lower = equality?.value.toLowerCase();
  if (equality?.attribute === 'username') query = query.where(sql`lower(user_name)`, '=', lower);
  else if (equality?.attribute === 'externalid') query = query.where('external_id', '=', equality.value);
  else if (equality?.attribute === 'id') query = query.where('id', '=', equality.value);
  else if (equality?.attribute === 'emails.value') query = query.where(sql`lower(email)`, '=', lower);
  return query.orderBy('created_at').orderBy('id').execute();
}

/** One page of every user, in a stable order, and how many there are. */
export async function userPage(db: Db, page: Page): Promise<{ rows: UserRow[]; total: number }> {
  const counted = await db
    .selectFrom('advocates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('provisioned_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const rows =
    page.limit === 0
      ? []
      : await provisioned(db).orderBy('created_at').orderBy('id').offset(page.offset).limit(page.limit).execute();
  return { rows, total: Number(counted.n) };
}

/** The user already holding this userName (case-insensitively), other than `except`. */
export function userNameHolder(db: Db, userName: string, except?: string): Promise<{ id: string } | undefined> {
  let query = db
    .selectFrom('advocates')
    .select('id')
    .where('provisioned_at', 'is not', null)
    .where(sql`lower(user_name)`, '=', userName.toLowerCase());
  if (except !== undefined) query = query.where('id', '!=', except);
  return query.executeTakeFirst();
}

/**
 * An advocate who signed in with the identity provider before provisioning started, not provisioned
 * and access not ended, whose email or userName is one of `names` (case-insensitive): SCIM takes them
 * over instead of making a second advocate. The IdP's email claim may be the UPN (Entra ID's
 * preferred_username) while SCIM sends the UPN as userName and another work email, so every name is
 * tried against both columns. Of several, the one with a subject (who holds tokens) comes first.
 */
export function signedInBefore(db: Db, names: (string | null | undefined)[]): Promise<{ id: string } | undefined> {
  const lower = [...new Set(names.filter((name): name is string => !!name).map((name) => name.toLowerCase()))];
  if (lower.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('advocates')
    .select('id')
    .where('provisioned_at', 'is', null)
    .where('access_ended', 'is', null)
    .where((eb) => eb.or([eb(sql`lower(email)`, 'in', lower), eb(sql`lower(user_name)`, 'in', lower)]))
    .orderBy(sql`case when subject is null then 1 else 0 end`)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

function columns(fields: UserFields) {
  return {
    ...(fields.userName !== undefined ? { user_name: fields.userName } : {}),
    ...(fields.name !== undefined ? { name: fields.name } : {}),
    ...(fields.email !== undefined ? { email: fields.email } : {}),
    ...(fields.externalId !== undefined ? { external_id: fields.externalId } : {}),
    ...(fields.team !== undefined ? { team: fields.team } : {}),
    ...(fields.region !== undefined ? { region: fields.region } : {}),
  };
}

export async function insertUser(db: Db, fields: UserFields & { userName: string }, now: number): Promise<string> {
  const id = newId();
  await db
    .insertInto('advocates')
    .values({
      id,
      name: fields.name ?? fields.userName.slice(0, 80),
      ref: randomString(10),
      // Tokens live in advocate_tokens; this column only has to be unique.
      token_hash: `none:${id}`,
      invite_id: null,
      created_at: now,
      last_sync_at: null,
      provisioned_at: now,
      ...columns(fields),
      ...(fields.language !== undefined ? { language: fields.language, language_source: 'idp' } : {}),
    })
    .execute();
  return id;
}

export async function updateUser(db: Db, id: string, fields: UserFields, now: number, adopt = false): Promise<void> {
  const set = { ...columns(fields), ...(adopt ? { provisioned_at: now } : {}) };
  if (Object.keys(set).length === 0 && fields.language === undefined) return;
  await db.transaction().execute(async (trx) => {
    if (Object.keys(set).length > 0) await trx.updateTable('advocates').set(set).where('id', '=', id).execute();
    // The company's language, unless the advocate chose one in the popup.
    if (fields.language !== undefined) await offerLanguage(trx, id, fields.language, 'idp');
    // The leaderboard's copy of the team (as PATCH /v1/me and sign-in keep it).
    if (fields.team !== undefined) {
      await trx.updateTable('advocate_points').set({ team: fields.team }).where('advocate_id', '=', id).execute();
    }
  });
}

/**
 * After a SCIM DELETE that keeps their history: no longer provisioned, no IdP identifiers, in no
 * group; gone for SCIM (and for sign-in linking) while their shares and points stay. The hashes of
 * their subject and externalId stay in ended_identities: signing in again is refused.
 */
export async function forgetIdentity(db: Db, id: string, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('advocates')
      .select(['subject', 'external_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row) await endIdentities(trx, [row.subject, row.external_id], 'deprovisioned', now);
    await trx.deleteFrom('group_members').where('advocate_id', '=', id).execute();
    await trx
      .updateTable('advocates')
      .set({ provisioned_at: null, subject: null, external_id: null, user_name: null })
      .where('id', '=', id)
      .execute();
  });
}
