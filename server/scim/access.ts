/** What the identity provider's `active` does to an advocate's access, through the one revocation service (services/advocates.ts). */
import { eraseAdvocate, restoreAccess, revokeToken } from '../services/advocates';
import type { ScimDeps } from './context';

/** `active: false`: every token revoked and every stream closed at once (revokeToken announces changes.revoked). */
export async function deprovision(deps: ScimDeps, advocateId: string): Promise<void> {
  await revokeToken(deps, advocateId, 'deprovisioned');
}

/**
 * Only access the identity provider ended comes back (with the advocate's leaderboard choice): an
 * admin's removal in the console stands. They sign in again to get a token.
 */
export async function restore(deps: ScimDeps, advocateId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('advocates')
      .select('access_ended')
      .where('id', '=', advocateId)
      .executeTakeFirst();
    if (row?.access_ended !== 'deprovisioned') return;
    await restoreAccess(trx, advocateId);
    await trx.updateTable('advocates').set({ provisioned_at: deps.now() }).where('id', '=', advocateId).execute();
  });
}

export async function erase(deps: ScimDeps, advocateId: string): Promise<void> {
  await deps.db.deleteFrom('group_members').where('advocate_id', '=', advocateId).execute();
  await eraseAdvocate(deps, advocateId);
}
