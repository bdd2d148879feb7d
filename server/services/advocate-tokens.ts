/**
 * Advocate tokens, one per browser: made at enrolment (an invite code) or at sign-in with the
 * identity provider, so one advocate can be signed in from several browsers at once. Only the
 * token's hash is stored.
 */
import type { Kysely } from 'kysely';
import { hashToken, newToken } from '../crypto';
import type { Database } from '../db/schema';

/** How the token was obtained (advocate_tokens.via). */
export type TokenVia = 'invite' | 'sso';

/** Makes a new token for this advocate (inside the caller's transaction, if any); the token exists nowhere else. */
export async function issueAdvocateToken(
  db: Kysely<Database>,
  advocateId: string,
  via: TokenVia,
  now: number,
): Promise<string> {
  const token = newToken('advocate');
  await db
    .insertInto('advocate_tokens')
    .values({ token_hash: hashToken(token), advocate_id: advocateId, via, created_at: now, used_at: null })
    .execute();
  return token;
}
