/**
 * Identities whose access the company ended and whose advocate no longer holds them (erased, or
 * forgotten by a SCIM DELETE): only the SHA-256 of each identifier is kept, never the identifier.
 * A sign-in with one is refused until the company provisions the person again.
 */
import type { Kysely } from 'kysely';
import { hashToken } from '../crypto';
import type { Database } from '../db/schema';

/** ended_identities.reason. */
export type IdentityEnd = 'erased' | 'deprovisioned';

/**
 * Keeps the hashes of an advocate's identifiers as their row lets go of them: their subject, and
 * their SCIM externalId (sign-in links a provisioned advocate whose externalId is the subject, so
 * it names the same person before they first signed in). Null ones are skipped.
 */
export async function endIdentities(
  db: Kysely<Database>,
  identifiers: readonly (string | null)[],
  reason: IdentityEnd,
  now: number,
): Promise<void> {
  const hashes = [...new Set(identifiers.filter((id): id is string => id !== null && id !== '').map(hashToken))];
  if (hashes.length === 0) return;
  await db
    .insertInto('ended_identities')
    .values(hashes.map((hash) => ({ subject_hash: hash, reason, ended_at: now })))
    .onConflict((oc) => oc.column('subject_hash').doUpdateSet({ reason, ended_at: now }))
    .execute();
}

/** Whether the company ended this subject's access and has not provisioned them again. */
export async function identityEnded(db: Kysely<Database>, subject: string): Promise<boolean> {
  const row = await db
    .selectFrom('ended_identities')
    .select('subject_hash')
    .where('subject_hash', '=', hashToken(subject))
    .executeTakeFirst();
  return row !== undefined;
}

/** The company provisioned this person again: their subject may sign in. */
export async function clearEndedIdentity(db: Kysely<Database>, subject: string): Promise<void> {
  await db.deleteFrom('ended_identities').where('subject_hash', '=', hashToken(subject)).execute();
}
