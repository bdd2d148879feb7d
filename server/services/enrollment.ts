/** Enrolment: an invite code redeemed for an advocate token, claiming a use and creating the advocate in one transaction. */
import type { Kysely } from 'kysely';
import { hashInviteCode, newId, randomString } from '../crypto';
import type { Database } from '../db/schema';
import { ProblemError } from '../problem';
import { issueAdvocateToken } from './advocate-tokens';

export interface Enrolled {
  token: string;
  advocate: { id: string; name: string };
}

export async function redeemInvite(
  db: Kysely<Database>,
  request: { code: string; name: string },
  now: number,
): Promise<Enrolled> {
  const codeHash = hashInviteCode(request.code);
  const advocate = { id: newId(), name: request.name };
  const token = await db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('invites').select('id').where('code_hash', '=', codeHash).executeTakeFirst();
    if (!found) {
      throw new ProblemError(404, 'That invite code is not recognised. Check it with your programme admin.', {
        type: 'invite-not-found',
        title: 'Unknown invite code',
      });
    }
    const claimed = await trx
      .updateTable('invites')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('id', '=', found.id)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) {
      const invite = await trx.selectFrom('invites').selectAll().where('id', '=', found.id).executeTakeFirstOrThrow();
      if (invite.revoked_at !== null) {
        throw new ProblemError(410, 'That invite was revoked. Ask your programme admin for a new one.', {
          type: 'invite-revoked',
          title: 'Invite revoked',
        });
      }
      if (invite.expires_at !== null && invite.expires_at <= now) {
        throw new ProblemError(410, 'That invite has expired. Ask your programme admin for a new one.', {
          type: 'invite-expired',
          title: 'Invite expired',
        });
      }
      throw new ProblemError(410, 'That invite has been used as many times as allowed. Ask for a new one.', {
        type: 'invite-used-up',
        title: 'Invite used up',
      });
    }
    await trx
      .insertInto('advocates')
      .values({
        id: advocate.id,
        name: advocate.name,
        ref: randomString(10),
        // Tokens are in advocate_tokens (one per browser); no token hashes to this.
        token_hash: 'none:' + advocate.id,
        invite_id: found.id,
        created_at: now,
        last_sync_at: null,
      })
      .execute();
    return issueAdvocateToken(trx, advocate.id, 'invite', now);
  });
  return { token, advocate };
}
