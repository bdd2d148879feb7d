/**
 * Advocate access ending and coming back. An advocate holds one token per browser
 * (advocate_tokens). Signing out or idle expiry ends one browser's token; the advocate's access
 * ends ('signed-out', 'expired') only when no token is left. An admin's removal, SCIM
 * deprovisioning or erasure end every token at once. Whenever access ends, `changes.revoked(id)`
 * follows the commit: every API instance closes the advocate's live streams and forgets what it
 * cached about them. `restoreAccess` lets a signed-out, expired or reactivated advocate back in.
 *
 * A revoked token's hash is kept in revoked_tokens (never the token), so a request with it is
 * answered 401 with the reason (token-revoked, token-expired) rather than "unknown token".
 */
import type { Kysely, Transaction } from 'kysely';
import type { Deps } from '../context';
import type { Database } from '../db/schema';
import { endIdentities } from './ended-identities';
import { scrubAuditOf } from './audit-erase';

/** Why an advocate's access ended (advocates.access_ended). */
export const ACCESS_ENDED = ['removed', 'signed-out', 'expired', 'deprovisioned'] as const;
export type AccessEnded = (typeof ACCESS_ENDED)[number];
/** revoked_tokens.reason: an access end, or 'erased' (the advocate and their data are gone). */
export type RevocationReason = AccessEnded | 'erased';
/** Reasons that end one browser's token rather than the whole access. */
export type TokenEnd = 'signed-out' | 'expired';

/** Access ended by the company (an admin or its provisioning): signing in again is refused. */
export const ENDED_BY_COMPANY: readonly AccessEnded[] = ['removed', 'deprovisioned'];

type RevokeDeps = Pick<Deps, 'db' | 'dialect' | 'changes' | 'now'>;
type TokenDeps = RevokeDeps & Partial<Pick<Deps, 'principals'>>;

async function lockAdvocate(trx: Transaction<Database>, dialect: Deps['dialect'], id: string) {
  let select = trx.selectFrom('advocates').select(['id', 'access_ended']).where('id', '=', id);
  if (dialect === 'postgres') select = select.forUpdate();
  return select.executeTakeFirst();
}

/** Moves these advocate_tokens rows (all of the advocate's, or one) to revoked_tokens, then deletes them. */
async function retireTokens(
  trx: Transaction<Database>,
  where: { advocateId: string; tokenHash?: string },
  kept: { advocateId: string | null; reason: RevocationReason; now: number },
): Promise<void> {
  let select = trx.selectFrom('advocate_tokens').select('token_hash').where('advocate_id', '=', where.advocateId);
  if (where.tokenHash !== undefined) select = select.where('token_hash', '=', where.tokenHash);
  const hashes = (await select.execute()).map((row) => row.token_hash);
  if (hashes.length === 0) return;
  await trx
    .insertInto('revoked_tokens')
    .values(
      hashes.map((hash) => ({
        token_hash: hash,
        advocate_id: kept.advocateId,
        reason: kept.reason,
        revoked_at: kept.now,
      })),
    )
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .execute();
  await trx.deleteFrom('advocate_tokens').where('token_hash', 'in', hashes).execute();
}

/** Marks the advocate's access ended (inside the caller's transaction) and takes them off the leaderboard. */
async function endAccess(
  trx: Transaction<Database>,
  advocateId: string,
  reason: AccessEnded,
  endedAt: number | undefined,
): Promise<void> {
  // advocates.leaderboard keeps the advocate's own choice (restoreAccess puts it back); the
  // score keeper lists only advocates whose access has not ended.
  await trx
    .updateTable('advocates')
    .set({ access_ended: reason, access_ended_at: endedAt })
    .where('id', '=', advocateId)
    .execute();
  await trx.updateTable('advocate_points').set({ listed: 0 }).where('advocate_id', '=', advocateId).execute();
}

/**
 * Ends an advocate's access: every token of theirs stops at once (kept in revoked_tokens with the
 * reason). Their shares, links, clicks and points stay (for the record and analytics), they leave
 * the leaderboard, and their tracked links keep redirecting. A removal by an admin or
 * deprovisioning takes precedence over an earlier sign-out or expiry as the reason given.
 * Resolves false when there is no such advocate.
 */
export async function revokeToken(deps: RevokeDeps, advocateId: string, reason: AccessEnded): Promise<boolean> {
  const now = deps.now();
  const byCompany = ENDED_BY_COMPANY.includes(reason);
  const found = await deps.db.transaction().execute(async (trx) => {
    const row = await lockAdvocate(trx, deps.dialect, advocateId);
    if (!row) return false;
    if (row.access_ended !== null && !byCompany) return true;
    await retireTokens(trx, { advocateId }, { advocateId, reason, now });
    if (byCompany) {
      // Tokens that ended earlier (signed out, expired) now say their access was removed.
      await trx.updateTable('revoked_tokens').set({ reason }).where('advocate_id', '=', advocateId).execute();
    }
    await endAccess(trx, advocateId, reason, row.access_ended === null ? now : undefined);
    return true;
  });
  if (found) deps.changes.revoked(advocateId);
  return found;
}

/**
 * Ends one browser's token ('signed-out': DELETE /v1/me/token; 'expired': unused too long). The
 * advocate's access ends with that reason only when it was their last token. Resolves whether a
 * token was ended (false: unknown or already ended).
 */
export async function endOneToken(deps: TokenDeps, tokenHash: string, reason: TokenEnd): Promise<boolean> {
  const now = deps.now();
  const ended = await deps.db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom('advocate_tokens')
      .select('advocate_id')
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!token) return undefined;
    const advocate = await lockAdvocate(trx, deps.dialect, token.advocate_id);
    if (!advocate) return undefined;
    await retireTokens(trx, { advocateId: advocate.id, tokenHash }, { advocateId: advocate.id, reason, now });
    const left = await trx
      .selectFrom('advocate_tokens')
      .select('token_hash')
      .where('advocate_id', '=', advocate.id)
      .executeTakeFirst();
    const last = left === undefined && advocate.access_ended === null;
    if (last) await endAccess(trx, advocate.id, reason, now);
    return { advocateId: advocate.id, last };
  });
  if (!ended) return false;
  deps.principals?.forget(tokenHash);
  if (ended.last) deps.changes.revoked(ended.advocateId);
  return true;
}

/** DELETE /v1/me/token: this browser's token stops; the advocate's other browsers keep working. */
export function signOutToken(deps: TokenDeps, tokenHash: string): Promise<boolean> {
  return endOneToken(deps, tokenHash, 'signed-out');
}

/**
 * Lets an advocate whose access ended back in (signing in again with the identity provider, or
 * SCIM setting them active again): access_ended and access_ended_at cleared, and back on the
 * leaderboard if they had chosen to be (advocates.leaderboard keeps their choice while access is
 * ended). Issues no token: run it in the same transaction as issueAdvocateToken, so a sign-out
 * elsewhere cannot end the access in between. Resolves false when there is no such advocate.
 */
export async function restoreAccess(db: Kysely<Database>, advocateId: string): Promise<boolean> {
  const row = await db
    .selectFrom('advocates')
    .select(['leaderboard', 'access_ended'])
    .where('id', '=', advocateId)
    .executeTakeFirst();
  if (!row) return false;
  if (row.access_ended === null) return true;
  await db
    .updateTable('advocates')
    .set({ access_ended: null, access_ended_at: null })
    .where('id', '=', advocateId)
    .execute();
  await db
    .updateTable('advocate_points')
    .set({ listed: row.leaderboard === 1 ? 1 : 0 })
    .where('advocate_id', '=', advocateId)
    .execute();
  return true;
}

/** The codes of an advocate's tracked links, as a subquery. */
function linkCodes(trx: Kysely<Database>, advocateId: string) {
  return trx.selectFrom('links').select('code').where('advocate_id', '=', advocateId);
}

/**
 * Deletes everything about an advocate: clicks and click counts on their links, the links, their
 * shares, points and the advocate row. Their tracked links stop redirecting (404). Only the hashes
 * of their tokens stay, with no link to them, so their extensions are told their access was revoked,
 * and the hash of their identity-provider subject (ended_identities), so signing in again with their
 * work account does not bring them back. Resolves false when there is no such advocate.
 */
export async function eraseAdvocate(deps: RevokeDeps, advocateId: string): Promise<boolean> {
  const now = deps.now();
  const found = await deps.db.transaction().execute(async (trx) => {
    const row = await lockAdvocate(trx, deps.dialect, advocateId);
    if (!row) return false;
    const identity = await trx
      .selectFrom('advocates')
      .select(['subject', 'external_id'])
      .where('id', '=', advocateId)
      .executeTakeFirstOrThrow();
    await endIdentities(trx, [identity.subject, identity.external_id], 'erased', now);
    await trx.deleteFrom('clicks').where('code', 'in', linkCodes(trx, advocateId)).execute();
    await trx.deleteFrom('click_counts').where('code', 'in', linkCodes(trx, advocateId)).execute();
    await trx.deleteFrom('links').where('advocate_id', '=', advocateId).execute();
    await trx.deleteFrom('shares').where('advocate_id', '=', advocateId).execute();
    await trx.deleteFrom('advocate_points').where('advocate_id', '=', advocateId).execute();
    await retireTokens(trx, { advocateId }, { advocateId: null, reason: 'erased', now });
    await trx
      .updateTable('revoked_tokens')
      .set({ advocate_id: null, reason: 'erased' })
      .where('advocate_id', '=', advocateId)
      .execute();
    await trx.deleteFrom('advocates').where('id', '=', advocateId).execute();
    // Audit entries about them stay, without their personal fields.
    await scrubAuditOf(trx, advocateId);
    return true;
  });
  if (found) deps.changes.revoked(advocateId);
  return found;
}

/**
 * An admin removes an advocate: every token stops working at once and their streams close on every
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

/** Why an admin cannot restore an advocate's access (restoreRemoved), or null when it was restored. */
export type RestoreRefusal = 'not-found' | 'not-removed' | 'deprovisioned' | 'invite-advocate';

/**
 * An admin lets back in a work-account advocate they removed: access ends no more, and their next
 * sign-in with the identity provider reaches them again (same points and links). An advocate who
 * enrolled with an invite code has no way to sign in again (their tokens are gone: they need a new
 * invite), and one their identity provider deprovisioned is reactivated there, not here.
 */
export async function restoreRemoved(deps: RevokeDeps, advocateId: string): Promise<RestoreRefusal | null> {
  return deps.db.transaction().execute(async (trx) => {
    let select = trx.selectFrom('advocates').select(['access_ended', 'subject']).where('id', '=', advocateId);
    if (deps.dialect === 'postgres') select = select.forUpdate();
    const row = await select.executeTakeFirst();
    if (!row) return 'not-found';
    if (row.access_ended === 'deprovisioned') return 'deprovisioned';
    if (row.access_ended !== 'removed') return 'not-removed';
    if (row.subject === null) return 'invite-advocate';
    await restoreAccess(trx, advocateId);
    return null;
  });
}
