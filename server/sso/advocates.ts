/** The advocate a sign-in with the identity provider reaches: by subject, else a SCIM-provisioned one, else (unless the company ended that identity) a new one. */
import { sql, type Transaction } from 'kysely';
import type { Deps } from '../context';
import { newId, randomString } from '../crypto';
import type { AdvocatesTable, Database } from '../db/schema';
import { offerLanguage } from '../services/advocate-language';
import { ENDED_BY_COMPANY, type AccessEnded } from '../services/advocates';
import { clearEndedIdentity, identityEnded } from '../services/ended-identities';
import type { Identity } from './claims';
import { onceMoreOnConflict } from './conflicts';
import { replaceIdpGroups } from './groups';
import { SsoRefusal } from './refusals';

/** Access ended by the company (an admin, or SCIM deprovisioning): signing in again does not undo it. */
export function endedByCompany(accessEnded: string | null): boolean {
  return accessEnded !== null && ENDED_BY_COMPANY.includes(accessEnded as AccessEnded);
}

type Row = Pick<AdvocatesTable, 'id' | 'access_ended'>;
type SignInDeps = Pick<Deps, 'db' | 'dialect'>;

async function bySubject(trx: Transaction<Database>, deps: SignInDeps, subject: string): Promise<Row | undefined> {
  let query = trx.selectFrom('advocates').select(['id', 'access_ended']).where('subject', '=', subject);
  if (deps.dialect === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A provisioned advocate without a subject: by externalId first, then by userName or a verified email, oldest first. */
async function provisioned(trx: Transaction<Database>, deps: SignInDeps, identity: Identity): Promise<Row | undefined> {
  const base = () => {
    let query = trx
      .selectFrom('advocates')
      .select(['id', 'access_ended'])
      .where('subject', 'is', null)
      .where('provisioned_at', 'is not', null)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1);
    if (deps.dialect === 'postgres') query = query.forUpdate();
    return query;
  };
  const byExternalId = await base().where('external_id', '=', identity.subject).executeTakeFirst();
  // An email the provider did not verify may be anyone's: never link by it.
  if (byExternalId || identity.email === undefined || !identity.emailVerified) return byExternalId;
  const email = identity.email.toLowerCase();
  return base()
    .where((eb) => eb.or([eb(sql`lower(user_name)`, '=', email), eb(sql`lower(email)`, '=', email)]))
    .executeTakeFirst();
}

/**
 * By subject; else a SCIM-provisioned advocate to link (the company provisioned the person, again
 * perhaps: an ended identity of theirs is let go); else, when the company erased or forgot the
 * advocate this subject belonged to (ended_identities), refused; else none (a new one is made).
 */
async function existing(trx: Transaction<Database>, deps: SignInDeps, identity: Identity): Promise<Row | undefined> {
  const found = await bySubject(trx, deps, identity.subject);
  if (found) return found;
  const linked = await provisioned(trx, deps, identity);
  if (linked) {
    await clearEndedIdentity(trx, identity.subject);
    return linked;
  }
  if (await identityEnded(trx, identity.subject)) {
    throw new SsoRefusal('access-removed', 'someone whose advocate the company erased or deprovisioned signed in');
  }
  return undefined;
}

/**
 * In one transaction: found, linked or made; name, email and team refreshed from the claims; the
 * groups claim replaces the 'idp' group memberships. One whose access the company ended is refused;
 * one who signed out or expired is let back in when the code is exchanged (restoreAccess, beside
 * the new token).
 */
async function resolve(deps: SignInDeps, identity: Identity, now: number): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const found = await existing(trx, deps, identity);
    if (found && endedByCompany(found.access_ended)) {
      throw new SsoRefusal(
        'access-removed',
        `advocate ${found.id} signed in, but their access was ${found.access_ended}`,
      );
    }
    // An email the provider says is unverified is not kept: SCIM would take it for the person's own
    // and link them by it (scim/user-store.ts signedInBefore).
    const email = identity.emailVerified ? identity.email : undefined;
    let id: string;
    if (found) {
      id = found.id;
      await trx
        .updateTable('advocates')
        .set({
          subject: identity.subject,
          ...(identity.name !== undefined ? { name: identity.name } : {}),
          ...(email !== undefined ? { email } : {}),
          ...(identity.team !== undefined ? { team: identity.team } : {}),
        })
        .where('id', '=', id)
        .execute();
      // The leaderboard's copy of the team (as PATCH /v1/me keeps it).
      if (identity.team !== undefined) {
        await trx.updateTable('advocate_points').set({ team: identity.team }).where('advocate_id', '=', id).execute();
      }
    } else {
      id = newId();
      await trx
        .insertInto('advocates')
        .values({
          id,
          name: identity.name ?? email ?? 'Advocate',
          ref: randomString(10),
          // Unused since migration 0007: tokens live in advocate_tokens.
          token_hash: `none:${id}`,
          invite_id: null,
          created_at: now,
          last_sync_at: null,
          team: identity.team ?? null,
          subject: identity.subject,
          email: email ?? null,
        })
        .execute();
    }
    await replaceIdpGroups(trx, id, identity.groups, now);
    // The IdP's locale at each sign-in, unless the advocate chose a language in the popup.
    if (identity.locale !== undefined) await offerLanguage(trx, id, identity.locale, 'idp');
    return id;
  });
}

/** The advocate's id; refuses (access-removed) one whose access the company ended. */
export function signInAdvocate(deps: SignInDeps, identity: Identity, now: number): Promise<string> {
  return onceMoreOnConflict(() => resolve(deps, identity, now));
}
