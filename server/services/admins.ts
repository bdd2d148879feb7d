/**
 * Admin accounts as owners manage them (routes/admins.ts): list, add, change a role, remove. The
 * organisation always keeps an owner: demoting or removing the last one is refused (…/last-owner).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { ROLE_LABELS, roleOf, type Role } from '../../lib/roles';
import type { AdminAccount } from '../../lib/schemas/admins';
import type { Deps } from '../context';
import type { AdminsTable, Database } from '../db/schema';
import { ProblemError } from '../problem';

type AdminRow = Pick<
  Selectable<AdminsTable>,
  'id' | 'email' | 'name' | 'created_at' | 'password_hash' | 'subject' | 'role'
>;

export function toAdminAccount(row: AdminRow): AdminAccount {
  const signsInWith: AdminAccount['signsInWith'] = [];
  if (row.password_hash !== '') signsInWith.push('password');
  if (row.subject !== null || row.password_hash === '') signsInWith.push('work-account');
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: roleOf(row.role),
    createdAt: new Date(row.created_at).toISOString(),
    signsInWith,
  };
}

const COLUMNS = ['id', 'email', 'name', 'created_at', 'password_hash', 'subject', 'role'] as const;

export async function listAdmins(db: Kysely<Database>): Promise<AdminAccount[]> {
  const rows = await db.selectFrom('admins').select(COLUMNS).orderBy('created_at').orderBy('email').execute();
  return rows.map(toAdminAccount);
}

export async function findAdmin(db: Kysely<Database>, id: string): Promise<AdminAccount | undefined> {
  const row = await db.selectFrom('admins').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toAdminAccount(row);
}

function notFound(id: string): ProblemError {
  return new ProblemError(404, `No admin with id ${id}.`, { type: 'not-found' });
}

function lastOwner(account: AdminAccount, doing: string): ProblemError {
  return new ProblemError(
    409,
    `${account.email} is the only owner: ${doing} would leave the organisation without one. Make another admin an owner first.`,
    { type: 'last-owner', title: 'The last owner', extensions: { adminId: account.id } },
  );
}

/**
 * Runs `change` on admin `id` in a transaction in which the owners are locked (PostgreSQL: FOR
 * UPDATE; SQLite writes one at a time), so two owners demoting each other at once cannot both win.
 * `change` gets the admin and whether another owner remains.
 */
async function withOwnersLocked<T>(
  deps: Pick<Deps, 'db' | 'dialect'>,
  id: string,
  change: (trx: Transaction<Database>, admin: AdminAccount, otherOwner: boolean) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    let owners = trx.selectFrom('admins').select('id').where('role', '=', 'owner');
    if (deps.dialect === 'postgres') owners = owners.forUpdate();
    const ownerIds = (await owners.execute()).map((row) => row.id);
    const row = await trx.selectFrom('admins').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(id);
    return change(
      trx,
      toAdminAccount(row),
      ownerIds.some((owner) => owner !== id),
    );
  });
}

/** Sets admin `id`'s role; refuses to demote the last owner. The role applies from their next request. */
export async function changeRole(
  deps: Pick<Deps, 'db' | 'dialect'>,
  id: string,
  role: Role,
): Promise<{ before: AdminAccount; after: AdminAccount }> {
  return withOwnersLocked(deps, id, async (trx, before, otherOwner) => {
    if (before.role === 'owner' && role !== 'owner' && !otherOwner) {
      throw lastOwner(before, `making them ${ROLE_LABELS[role].toLowerCase()}`);
    }
    if (before.role !== role) await trx.updateTable('admins').set({ role }).where('id', '=', id).execute();
    return { before, after: { ...before, role } };
  });
}

/** Removes admin `id` and ends their sessions; refuses to remove the last owner. */
export async function removeAdmin(deps: Pick<Deps, 'db' | 'dialect'>, id: string): Promise<AdminAccount> {
  return withOwnersLocked(deps, id, async (trx, admin, otherOwner) => {
    if (admin.role === 'owner' && !otherOwner) throw lastOwner(admin, 'removing them');
    await trx.deleteFrom('admin_sessions').where('admin_id', '=', id).execute();
    await trx.deleteFrom('admins').where('id', '=', id).execute();
    return admin;
  });
}
