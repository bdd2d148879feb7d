/** Creating invite codes: the admin route and the demo seed both make them here. */
import type { Kysely, Selectable } from 'kysely';
import { newInviteCode } from '../crypto';
import type { Database, InvitesTable } from '../db/schema';

export interface NewInvite {
  /** The admin who made it, or null. */
  createdBy: string | null;
  /** null: any number of uses. */
  maxUses: number | null;
  /** Milliseconds since the epoch, or null: never expires. */
  expiresAt: number | null;
  now: number;
}

export async function createInvite(db: Kysely<Database>, invite: NewInvite): Promise<Selectable<InvitesTable>> {
  const row = {
    code: newInviteCode(),
    created_by: invite.createdBy,
    max_uses: invite.maxUses,
    uses: 0,
    expires_at: invite.expiresAt,
    revoked_at: null,
    created_at: invite.now,
  };
  await db.insertInto('invites').values(row).execute();
  return row;
}
