/** Admin accounts: the first one from the environment at start-up, more from the CLI. */
import type { Kysely } from 'kysely';
import type { Role } from '../lib/roles';
import { hashPassword, newId } from './crypto';
import type { Database } from './db/schema';

export class AdminExistsError extends Error {
  override name = 'AdminExistsError';
}

export async function addAdmin(
  db: Kysely<Database>,
  email: string,
  password: string,
  now = Date.now(),
  role: Role = 'owner',
): Promise<{ id: string; email: string; role: Role }> {
  const normalized = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) throw new Error(`not an email address: ${JSON.stringify(email)}`);
  if (password.length < 8) throw new Error('the password must be at least 8 characters');
  const existing = await db.selectFrom('admins').select('id').where('email', '=', normalized).executeTakeFirst();
  if (existing) throw new AdminExistsError(`an admin with email ${normalized} already exists`);
  const admin = { id: newId(), email: normalized, role };
  await db
    .insertInto('admins')
    .values({ ...admin, password_hash: await hashPassword(password), created_at: now })
    .execute();
  return admin;
}

/** Creates the admin from RELAY_ADMIN_EMAIL/PASSWORD when there is no admin at all yet: the first admin is an owner. */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  email: string | undefined,
  password: string | undefined,
): Promise<boolean> {
  if (!email || !password) return false;
  const any = await db.selectFrom('admins').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  try {
    await addAdmin(db, email, password);
    return true;
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if (await db.selectFrom('admins').select('id').limit(1).executeTakeFirst()) return false;
    throw error;
  }
}
