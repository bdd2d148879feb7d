/** Admin sessions: checking a sign-in, opening a session (its token is hashed at rest), reading and ending it. */
import type { Kysely } from 'kysely';
import { roleOf, type Role } from '../../lib/roles';
import type { Deps } from '../context';
import { DUMMY_PASSWORD_HASH, hashToken, newToken, verifyPassword } from '../crypto';
import type { Database } from '../db/schema';

/** The admin with this (lower-case) email and password, or undefined; as slow for an unknown email as for a known one. */
export async function checkSignIn(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<{ id: string; email: string; role: Role } | undefined> {
  const row = await db.selectFrom('admins').selectAll().where('email', '=', email).executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_PASSWORD_HASH);
  return row && ok ? { id: row.id, email: row.email, role: roleOf(row.role) } : undefined;
}

/** Opens a session for `adminId` and drops expired ones; returns its token. */
export async function openSession(deps: Pick<Deps, 'db' | 'now' | 'config'>, adminId: string): Promise<string> {
  const token = newToken('admin');
  const now = deps.now();
  await deps.db
    .insertInto('admin_sessions')
    .values({
      token_hash: hashToken(token),
      admin_id: adminId,
      created_at: now,
      expires_at: now + deps.config.sessionTtlMs,
    })
    .execute();
  await deps.db.deleteFrom('admin_sessions').where('expires_at', '<=', now).execute();
  return token;
}

/** When the session with this token hash expires (milliseconds since the epoch). */
export async function sessionExpiry(db: Kysely<Database>, tokenHash: string): Promise<number> {
  const row = await db
    .selectFrom('admin_sessions')
    .select('expires_at')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirstOrThrow();
  return row.expires_at;
}

export async function endSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('token_hash', '=', tokenHash).execute();
}
