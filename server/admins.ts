/** Admin accounts: the first one from the environment at start-up, more from the CLI and the admins API. */
import type { Kysely } from 'kysely';
import type { Role } from '../lib/roles';
import { hashPassword, newId } from './crypto';
import type { Database } from './db/schema';

export class AdminExistsError extends Error {
  override name = 'AdminExistsError';
}

/**
 * Adds an admin. Without a password (`undefined`) they sign in with the identity provider only; the
 * callers check that single sign-on can admit them.
 */
export async function insertAdmin(
  db: Kysely<Database>,
  input: { email: string; password: string | undefined; role: Role },
  now = Date.now(),
): Promise<{ id: string; email: string; role: Role }> {
  const normalized = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) throw new Error(`not an email address: ${JSON.stringify(input.email)}`);
  if (input.password !== undefined && input.password.length < 8) {
    throw new Error('the password must be at least 8 characters');
  }
  const exists = () => new AdminExistsError(`an admin with email ${normalized} already exists`);
  const existing = await db.selectFrom('admins').select('id').where('email', '=', normalized).executeTakeFirst();
  if (existing) throw exists();
  const admin = { id: newId(), email: normalized, role: input.role };
  const passwordHash = input.password === undefined ? '' : await hashPassword(input.password);
  try {
    await db
      .insertInto('admins')
      .values({ ...admin, password_hash: passwordHash, created_at: now })
      .execute();
  } catch (error) {
    // Added at the same moment by another request (the email is unique).
    if (await db.selectFrom('admins').select('id').where('email', '=', normalized).executeTakeFirst()) throw exists();
    throw error;
  }
  return admin;
}

export function addAdmin(
  db: Kysely<Database>,
  email: string,
  password: string,
  now = Date.now(),
  role: Role = 'owner',
): Promise<{ id: string; email: string; role: Role }> {
  return insertAdmin(db, { email, password, role }, now);
}

/** Whether any admin exists (the first one is an owner). */
export async function anyAdmin(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('admins').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Creates the admin from RELAY_ADMIN_EMAIL/PASSWORD when there is no admin at all yet: the first admin is an owner. */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  email: string | undefined,
  password: string | undefined,
): Promise<boolean> {
  if (!email || !password) return false;
  if (await anyAdmin(db)) return false;
  try {
    await addAdmin(db, email, password);
    return true;
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if (await anyAdmin(db)) return false;
    throw error;
  }
}
