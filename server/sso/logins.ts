/** Sign-ins under way (sso_logins): state, nonce and PKCE verifier kept server-side for ten minutes, taken once. */
import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import { hashToken } from '../crypto';
import type { Database } from '../db/schema';

export const LOGIN_TTL_MS = 10 * 60_000;

export type LoginPurpose = 'console' | 'extension';

export interface BegunLogin {
  state: string;
  nonce: string;
  /** The PKCE code challenge (S256) to send; the verifier stays in the database. */
  codeChallenge: string;
}

export interface TakenLogin {
  nonce: string;
  verifier: string;
  purpose: LoginPurpose;
  returnTo: string | null;
  /** False when it was found but its ten minutes had passed. */
  fresh: boolean;
}

/** Starts a sign-in: keeps its nonce and verifier under the hash of its state, and sweeps expired ones. */
export async function beginLogin(
  db: Kysely<Database>,
  request: { purpose: LoginPurpose; returnTo: string | null },
  now: number,
): Promise<BegunLogin> {
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  await db.deleteFrom('sso_logins').where('expires_at', '<=', now).execute();
  await db
    .insertInto('sso_logins')
    .values({
      state_hash: hashToken(state),
      nonce,
      verifier,
      purpose: request.purpose,
      return_to: request.returnTo,
      created_at: now,
      expires_at: now + LOGIN_TTL_MS,
    })
    .execute();
  return { state, nonce, codeChallenge: await oidc.calculatePKCECodeChallenge(verifier) };
}

/**
 * The sign-in a callback's `state` belongs to, deleted in the same statement so a state works once
 * (two callbacks with it: one gets it); undefined for an unknown or used state.
 */
export async function takeLogin(db: Kysely<Database>, state: string, now: number): Promise<TakenLogin | undefined> {
  const row = await db
    .deleteFrom('sso_logins')
    .where('state_hash', '=', hashToken(state))
    .returning(['nonce', 'verifier', 'purpose', 'return_to', 'expires_at'])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    nonce: row.nonce,
    verifier: row.verifier,
    purpose: row.purpose === 'console' ? 'console' : 'extension',
    returnTo: row.return_to,
    fresh: row.expires_at > now,
  };
}
