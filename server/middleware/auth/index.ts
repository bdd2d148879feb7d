/**
 * Bearer authentication for the two roles. Admins present a session token (header or the
 * HttpOnly cookie); advocates present their browser's token (advocate_tokens: one per browser,
 * from an invite code or a work-account sign-in). A valid token of the other role is refused 403,
 * anything else 401: `…/token-revoked` for an advocate token that was revoked (removed by an
 * admin, deprovisioned, signed out), `…/token-expired` for one unused too long, else
 * `…/unauthorized`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AdvocatePrincipal, AppEnv, Deps } from '../../context';
import { hashToken, tokenKind } from '../../crypto';
import { failureKind } from '../../db/failures';
import { roleOf } from '../../../lib/roles';
import { ProblemError } from '../../problem';
import { endOneToken, revocationOf, type RevocationReason } from '../../services/advocates';
import { principalFromRow } from '../../services/advocate-principal';
import { checkCookieRequest } from '../csrf';
import { scimTokenRefused } from './scim';

export const ADMIN_COOKIE = 'relay_admin';

export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match)
    throw new ProblemError(401, 'The Authorization header must be "Bearer <token>".', { type: 'unauthorized' });
  return match[1];
}

function unauthorized(detail: string): ProblemError {
  return new ProblemError(401, detail, {
    type: 'unauthorized',
    headers: { 'www-authenticate': 'Bearer realm="relay"' },
  });
}

/** A token that worked once and was revoked, or expired: the problem type says which, and `reason` why. */
export function tokenEnded(reason: RevocationReason): ProblemError {
  const headers = { 'www-authenticate': 'Bearer realm="relay", error="invalid_token"' };
  if (reason === 'expired') {
    return new ProblemError(
      401,
      'This sign-in expired after a long time without use in this browser. Connect again to use Relay here.',
      { type: 'token-expired', title: 'Token expired', headers, extensions: { reason } },
    );
  }
  const detail =
    reason === 'signed-out'
      ? 'This token was signed out. Connect again to use Relay in this browser.'
      : reason === 'deprovisioned'
        ? 'Your company ended your access to Relay.'
        : 'Your access to Relay was removed by your programme admin.';
  return new ProblemError(401, detail, {
    type: 'token-revoked',
    title: 'Token revoked',
    headers,
    extensions: { reason },
  });
}

const HOUR_MS = 3_600_000;

async function isAdvocateToken(deps: Deps, hash: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom('advocate_tokens')
    .select('advocate_id')
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  return row !== undefined;
}

async function isAdminToken(deps: Deps, hash: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom('admin_sessions')
    .select('admin_id')
    .where('token_hash', '=', hash)
    .where('expires_at', '>', deps.now())
    .executeTakeFirst();
  return row !== undefined;
}

export function requireAdmin(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = bearerToken(c);
    const token = bearer ?? getCookie(c, ADMIN_COOKIE);
    if (!token) throw unauthorized('Sign in as an admin: send "Authorization: Bearer <token>" or the session cookie.');
    const scimToken = scimTokenRefused(token);
    if (scimToken) throw scimToken;
    const hash = hashToken(token);
    const row = await deps.db
      .selectFrom('admin_sessions')
      .innerJoin('admins', 'admins.id', 'admin_sessions.admin_id')
      .select(['admins.id', 'admins.email', 'admins.role', 'admin_sessions.expires_at'])
      .where('admin_sessions.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.expires_at <= deps.now()) {
      if (tokenKind(token) === 'advocate' && (await isAdvocateToken(deps, hash))) {
        throw new ProblemError(403, 'Advocate tokens cannot call admin endpoints.', { type: 'forbidden' });
      }
      throw unauthorized(row ? 'The admin session has expired; sign in again.' : 'The admin token is not valid.');
    }
    // The cookie is sent by browsers on their own: it must come with the CSRF token (middleware/csrf.ts).
    if (bearer === undefined) checkCookieRequest(c, deps.config, token);
    c.set('admin', { id: row.id, email: row.email, role: roleOf(row.role) });
    c.set('adminSessionHash', hash);
    c.set('adminAuth', { token, via: bearer === undefined ? 'cookie' : 'bearer' });
    await next();
  };
}

/** The advocate a bearer token belongs to; a valid admin token is refused 403, anything else 401. */
export interface AdvocateAuthOptions {
  /**
   * While the database is unreachable, believe a token it vouched for lately (services/principal-
   * cache.ts): for the routes that can work without it (shares are then spooled).
   */
  whileUnreachable?: boolean;
}

export async function authenticateAdvocate(
  deps: Deps,
  token: string | undefined,
  options: AdvocateAuthOptions = {},
): Promise<AdvocatePrincipal> {
  return (await checkAdvocateToken(deps, token, options)).principal;
}

/** The advocate a bearer token belongs to, and the token's hash. */
async function checkAdvocateToken(
  deps: Deps,
  token: string | undefined,
  options: AdvocateAuthOptions,
): Promise<{ principal: AdvocatePrincipal; hash: string }> {
  if (!token) throw unauthorized('Send the advocate token as "Authorization: Bearer <token>".');
  const scimToken = scimTokenRefused(token);
  if (scimToken) throw scimToken;
  const hash = hashToken(token);
  let row;
  try {
    row = await deps.tokens.find(hash);
  } catch (error) {
    const known =
      options.whileUnreachable && failureKind(error) === 'unreachable' ? deps.principals.recall(hash) : undefined;
    if (known) return { principal: known, hash };
    throw error;
  }
  if (!row) {
    if (tokenKind(token) === 'admin' && (await isAdminToken(deps, hash))) {
      throw new ProblemError(403, 'Admin sessions cannot call advocate endpoints; enrol with an invite code.', {
        type: 'forbidden',
      });
    }
    const revoked = tokenKind(token) === 'advocate' ? await revocationOf(deps.db, hash) : undefined;
    if (revoked) throw tokenEnded(revoked);
    throw unauthorized('The advocate token is not valid. Enrol again with an invite code.');
  }
  // A browser's token unused for too long expires (the advocate's access ends with their last
  // one); one in use is marked so at most every hour (or 1/24 of the idle limit), which keeps most
  // requests read-only.
  const now = deps.now();
  const usedAt = row.used_at ?? row.created_at;
  if (now - usedAt > deps.config.tokenIdleMs) {
    await endOneToken(deps, hash, 'expired');
    throw tokenEnded('expired');
  }
  if (now - usedAt >= Math.min(HOUR_MS, deps.config.tokenIdleMs / 24)) {
    await deps.db.updateTable('advocate_tokens').set({ used_at: now }).where('token_hash', '=', hash).execute();
  }
  const principal: AdvocatePrincipal = principalFromRow(row);
  deps.principals.remember(hash, principal);
  return { principal, hash };
}

export function requireAdvocate(deps: Deps, options: AdvocateAuthOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { principal, hash } = await checkAdvocateToken(deps, bearerToken(c), options);
    c.set('advocate', principal);
    c.set('advocateTokenHash', hash);
    await next();
  };
}

/** Kept here for the modules that import them from auth: they live in middleware/client-address. */
export { clientAddress, requestHeader } from '../client-address';
