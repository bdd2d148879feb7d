/**
 * What the identity provider's word does to an advocate's access, through the one revocation
 * service (server/services/advocates.ts): `active: false` revokes every token and closes their
 * streams at once (changes.revoked), `active: true` lets a deprovisioned advocate back in.
 */
import { eraseAdvocate, revokeToken, type AccessEnded } from '../services/advocates';
import type { ScimDeps } from './context';

export async function deprovision(deps: ScimDeps, advocateId: string): Promise<void> {
  await revokeToken(deps, advocateId, 'deprovisioned' as AccessEnded);
}

/** Only access the identity provider ended comes back: an admin's removal in the console stands. */
export async function restore(deps: ScimDeps, advocateId: string): Promise<void> {
  await deps.db
    .updateTable('advocates')
    .set({ access_ended: null, access_ended_at: null, provisioned_at: deps.now() })
    .where('id', '=', advocateId)
    .where('access_ended', '=', 'deprovisioned')
    .execute();
}

export async function erase(deps: ScimDeps, advocateId: string): Promise<void> {
  await deps.db.deleteFrom('group_members').where('advocate_id', '=', advocateId).execute();
  await eraseAdvocate(deps, advocateId);
}
