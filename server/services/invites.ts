/**
 * Invite codes: made here for the admin route and the demo seed, stored as a hash (the code is
 * shown once, to whoever made it), and found again by code or by id.
 */
import type { Kysely, Selectable } from 'kysely';
import { hashInviteCode, inviteHint, newId, newInviteCode } from '../crypto';
import type { Database, InvitesTable } from '../db/schema';

export type InviteRow = Selectable<InvitesTable>;

export interface NewInvite {
  /** The admin who made it, or null. */
  createdBy: string | null;
  /** null: any number of uses. */
  maxUses: number | null;
  /** Milliseconds since the epoch, or null: never expires. */
  expiresAt: number | null;
  now: number;
  /** The code, when the caller made (and kept) it first: the demo seed. */
  code?: string;
}

/** Makes an invite; the code in the answer exists nowhere else. */
export async function createInvite(db: Kysely<Database>, invite: NewInvite): Promise<{ row: InviteRow; code: string }> {
  const code = invite.code ?? newInviteCode();
  const row: InviteRow = {
    id: newId(),
    code_hash: hashInviteCode(code),
    hint: inviteHint(code),
    created_by: invite.createdBy,
    max_uses: invite.maxUses,
    uses: 0,
    expires_at: invite.expiresAt,
    revoked_at: null,
    created_at: invite.now,
  };
  await db.insertInto('invites').values(row).execute();
  return { row, code };
}

/** The invite with this code (any spelling people type) or this id. */
export function findInvite(db: Kysely<Database>, codeOrId: string): Promise<InviteRow | undefined> {
  return db
    .selectFrom('invites')
    .selectAll()
    .where((eb) => eb.or([eb('code_hash', '=', hashInviteCode(codeOrId)), eb('id', '=', codeOrId)]))
    .executeTakeFirst();
}

/** Every invite, newest first. */
export function listInvites(db: Kysely<Database>): Promise<InviteRow[]> {
  return db.selectFrom('invites').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
}

/** Revokes the invite with this id (once: a second revoke keeps the first time); returns it as now stored. */
export async function revokeInvite(db: Kysely<Database>, id: string, now: number): Promise<InviteRow> {
  await db
    .updateTable('invites')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
