/** SCIM provisioning tokens: made by an admin, shown once, stored as a SHA-256 hash, revoked by id. */
import type { Kysely } from 'kysely';
import { hashToken, newId, newToken } from '../crypto';
import type { Database, ScimTokensTable } from '../db/schema';

export type ScimTokenRow = Omit<ScimTokensTable, 'token_hash'>;

const COLUMNS = ['id', 'hint', 'label', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const;

/** The token's last four characters: enough to tell tokens apart in a list, too few to guess it. */
export function scimTokenHint(token: string): string {
  return token.slice(-4);
}

export async function createScimToken(
  db: Kysely<Database>,
  input: { label: string | null; createdBy: string | null; now: number },
): Promise<{ row: ScimTokenRow; token: string }> {
  const token = newToken('scim');
  const row: ScimTokenRow = {
    id: newId(),
    hint: scimTokenHint(token),
    label: input.label,
    created_by: input.createdBy,
    created_at: input.now,
    last_used_at: null,
    revoked_at: null,
  };
  await db
    .insertInto('scim_tokens')
    .values({ ...row, token_hash: hashToken(token) })
    .execute();
  return { row, token };
}

/** Every token, revoked ones too, newest first. */
export function listScimTokens(db: Kysely<Database>): Promise<ScimTokenRow[]> {
  return db.selectFrom('scim_tokens').select(COLUMNS).orderBy('created_at', 'desc').orderBy('id').execute();
}

/** Revokes a token (once: a second revocation keeps the first time); undefined when there is no such token. */
export async function revokeScimToken(
  db: Kysely<Database>,
  id: string,
  now: number,
): Promise<ScimTokenRow | undefined> {
  await db
    .updateTable('scim_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return db.selectFrom('scim_tokens').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The working token with this hash, if any. */
export function findScimToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<Pick<ScimTokenRow, 'id' | 'last_used_at'> | undefined> {
  return db
    .selectFrom('scim_tokens')
    .select(['id', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Records a token's use, at most once a minute (most requests stay read-only). */
export async function touchScimToken(
  db: Kysely<Database>,
  row: Pick<ScimTokenRow, 'id' | 'last_used_at'>,
  now: number,
): Promise<void> {
  if (row.last_used_at !== null && now - row.last_used_at < 60_000) return;
  await db.updateTable('scim_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
}
