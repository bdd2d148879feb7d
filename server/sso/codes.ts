/** One-time codes (sso_codes): what the extension's redirect carries instead of a token; 60 s, single use, stored hashed. */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashToken } from '../crypto';
import type { Database } from '../db/schema';

export const CODE_TTL_MS = 60_000;

/** Makes a code for `advocateId`, bound to the redirect it is sent to; sweeps expired ones. */
export async function issueCode(
  db: Kysely<Database>,
  advocateId: string,
  returnTo: string,
  now: number,
): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  await db.deleteFrom('sso_codes').where('expires_at', '<=', now).execute();
  await db
    .insertInto('sso_codes')
    .values({
      code_hash: hashToken(code),
      advocate_id: advocateId,
      return_to: returnTo,
      created_at: now,
      expires_at: now + CODE_TTL_MS,
    })
    .execute();
  return code;
}

/**
 * Redeems a code: deleted and read in one statement, so of two exchanges of the same code only one
 * gets it. Undefined for an unknown, used or expired code.
 */
export async function redeemCode(
  db: Kysely<Database>,
  code: string,
  now: number,
): Promise<{ advocateId: string; returnTo: string } | undefined> {
  const row = await db
    .deleteFrom('sso_codes')
    .where('code_hash', '=', hashToken(code))
    .returning(['advocate_id', 'return_to', 'expires_at'])
    .executeTakeFirst();
  if (!row || row.expires_at <= now) return undefined;
  return { advocateId: row.advocate_id, returnTo: row.return_to };
}
