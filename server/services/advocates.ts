/**
 * Advocate access ending: an admin removes an advocate (keeping their data for the record, or
 * erasing it), an advocate signs out, or a token goes unused too long. Every path goes through
 * `revokeToken` or `eraseAdvocate`, and ends with `changes.revoked(id)` once committed: every API
 * instance then closes the advocate's live streams and forgets what it cached about them.
 *
 * A revoked token's hash is kept in revoked_tokens (never the token), so a request with it is
 * answered 401 with the reason (token-revoked, token-expired) rather than "unknown token"; the
 * advocate row's own token_hash is replaced by a value no token hashes to.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Deps } from '../context';
import { randomString } from '../crypto';
import type { Database } from '../db/schema';

/** Why an advocate's access ended (advocates.access_ended). */
export const ACCESS_ENDED = ['removed', 'signed-out', 'expired'] as const;
export type AccessEnded = (typeof ACCESS_ENDED)[number];
/** revoked_tokens.reason: an access end, or 'erased' (the advocate and their data are gone). */
export type RevocationReason = AccessEnded | 'erased';

/** advocates.token_hash of a revoked advocate: no SHA-256 hex digest starts like this. */
export const REVOKED_HASH_PREFIX = 'revoked:';

type RevokeDeps = Pick<Deps, 'db' | 'dialect' | 'changes' | 'now'>;

async function lockAdvocate(trx: Transaction<Database>, deps: RevokeDeps, id: string) {
  let select = trx.selectFrom('advocates').select(['id', 'token_hash', 'access_ended']).where('id', '=', id);
  if (deps.dialect === 'postgres') select = select.forUpdate();
  return select.executeTakeFirst();
}

/** Keeps the hash of the advocate's current token as revoked, unless it was revoked already. */
async function rememberRevoked(
  trx: Transaction<Database>,
  hash: string,
  advocateId: string | null,
  reason: RevocationReason,
  now: number,
): Promise<void> {
  if (hash.startsWith(REVOKED_HASH_PREFIX)) return;
  await trx
    .insertInto('revoked_tokens')
    .values({ token_hash: hash, advocate_id: advocateId, reason, revoked_at: now })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .execute();
}

/**
 * Stops an advocate's token at once. Their shares, links, clicks and points stay (for the record
 * and analytics), they leave the leaderboard, and their tracked links keep redirecting. A removal
 * by an admin takes precedence over an earlier sign-out or expiry as the reason given.
 * Resolves false when there is no such advocate.
 */
export async function revokeToken(deps: RevokeDeps, advocateId: string, reason: AccessEnded): Promise<boolean> {
  const now = deps.now();
  const found = await deps.db.transaction().execute(async (trx) => {
    const row = await lockAdvocate(trx, deps, advocateId);
    if (!row) return false;
    if (row.access_ended !== null && reason !== 'removed') return true;
    await rememberRevoked(trx, row.token_hash, advocateId, reason, now);
    if (reason === 'removed') {
      await trx.updateTable('revoked_tokens').set({ reason }).where('advocate_id', '=', advocateId).execute();
    }
    await trx
      .updateTable('advocates')
      .set({
        token_hash: REVOKED_HASH_PREFIX + randomString(40),
        access_ended: reason,
        access_ended_at: row.access_ended === null ? now : undefined,
        // Off the leaderboard: the score keeper copies this into advocate_points.listed.
        leaderboard: 0,
      })
      .where('id', '=', advocateId)
      .execute();
    await trx.updateTable('advocate_points').set({ listed: 0 }).where('advocate_id', '=', advocateId).execute();
    return true;
  });
  if (found) deps.changes.revoked(advocateId);
  return found;
}

/** The codes of an advocate's tracked links, as a subquery. */
function linkCodes(trx: Kysely<Database>, advocateId: string) {
  return trx.selectFrom('links').select('code').where('advocate_id', '=', advocateId);
}

/**
 * Deletes everything about an advocate: clicks and click counts on their links, the links, their
 * shares, points and the advocate row. Their tracked links stop redirecting (404). Only the hash of
 * their token stays, with no link to them, so their extension is told its access was revoked.
 * Resolves false when there is no such advocate.
 */
export async function eraseAdvocate(deps: RevokeDeps, advocateId: string): Promise<boolean> {
  const now = deps.now();
  const found = await deps.db.transaction().execute(async (trx) => {
    const row = await lockAdvocate(trx, deps, advocateId);
    if (!row) return false;
    await trx.deleteFrom('clicks').where('code', 'in', linkCodes(trx, advocateId)).execute();
    await trx.deleteFrom('click_counts').where('code', 'in', linkCodes(trx, advocateId)).execute();
    await trx.deleteFrom('links').where('advocate_id', '=', advocateId).execute();
    await trx.deleteFrom('shares').where('advocate_id', '=', advocateId).execute();
    await trx.deleteFrom('advocate_points').where('advocate_id', '=', advocateId).execute();
    await rememberRevoked(trx, row.token_hash, null, 'erased', now);
    await trx
      .updateTable('revoked_tokens')
      .set({ advocate_id: null, reason: 'erased' })
      .where('advocate_id', '=', advocateId)
      .execute();
    await trx.deleteFrom('advocates').where('id', '=', advocateId).execute();
    return true;
  });
  if (found) deps.changes.revoked(advocateId);
  return found;
}

/**
 * An admin removes an advocate: the token stops working at once and their streams close on every
 * instance. `erase: false` keeps their shares, clicks and points for the record and analytics
 * (shown as removed in the console); `erase: true` deletes everything about them.
 */
export function revokeAdvocate(deps: RevokeDeps, advocateId: string, options: { erase: boolean }): Promise<boolean> {
  return options.erase ? eraseAdvocate(deps, advocateId) : revokeToken(deps, advocateId, 'removed');
}

/** Why a token no longer works, when it is one that was revoked (else undefined: unknown token). */
export async function revocationOf(db: Kysely<Database>, tokenHash: string): Promise<RevocationReason | undefined> {
  const row = await db
    .selectFrom('revoked_tokens')
    .select('reason')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.reason as RevocationReason | undefined;
}
