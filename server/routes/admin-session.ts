/**
 * Admin sign-in and sign-out: a bearer token in the body and the same token as an HttpOnly cookie,
 * plus the CSRF token cookie-authenticated writes must echo (middleware/csrf.ts).
 */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { adminSignInResponseSchema, adminSessionStateSchema } from '../../lib/console-schemas';
import { adminSessionRequestSchema } from '../../lib/schemas';
import type { AppEnv, Deps } from '../context';
import { DUMMY_PASSWORD_HASH, hashToken, newToken, verifyPassword } from '../crypto';
import { ADMIN_COOKIE, requireAdmin } from '../middleware/auth';
import { clientAddress } from '../middleware/client-address';
import { CSRF_COOKIE, rejectCrossOrigin, secureCookies, setCsrfCookie } from '../middleware/csrf';
import { FailureLimits, RateLimiter } from '../middleware/rate-limit';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError } from '../problem';
import { readJson } from '../validate';

export function adminSessionRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Failed sign-ins per (address, account), per account and per address; successes are not counted,
  // and clear the (address, account) failures before them (a person who got there after typos).
  const { session, sessionAccount, sessionAddress } = deps.config.rateLimits;
  const perPair = new RateLimiter(session);
  const failures = new FailureLimits([perPair, new RateLimiter(sessionAccount), new RateLimiter(sessionAddress)]);
  const isWrongPassword = (error: unknown) => error instanceof ProblemError && error.status === 401;

  api.add({
    method: 'post',
    path: '/v1/admin/session',
    summary: 'Sign in as an admin',
    tag: 'admin',
    auth: 'none',
    body: adminSessionRequestSchema,
    responses: {
      200: {
        description: 'Signed in; also sets the HttpOnly session cookie and the readable relay_csrf cookie',
        schema: adminSignInResponseSchema,
      },
      403: { description: 'Sent from another origin' },
      400: { description: 'Malformed JSON' },
      401: { description: 'Wrong email or password' },
      422: { description: 'Invalid body' },
      429: {
        description: 'Too many failed attempts (from this address, or on this account)',
        headers: ['Retry-After'],
      },
    },
  });
  app.post('/', async (c) => {
    rejectCrossOrigin(c, deps.config);
    const { email, password } = await readJson(c, adminSessionRequestSchema);
    const account = email.toLowerCase();
    const address = clientAddress(c, deps.config.trustProxy);
    const pair = `${address} ${account}`;
    const admin = await failures.run(
      [pair, account, address],
      async () => {
        const row = await deps.db.selectFrom('admins').selectAll().where('email', '=', account).executeTakeFirst();
        const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_PASSWORD_HASH);
        if (!row || !ok) throw new ProblemError(401, 'Wrong email or password.', { type: 'bad-credentials' });
        return row;
      },
      isWrongPassword,
    );
    perPair.forget(pair);

    const token = newToken('admin');
    const now = deps.now();
    await deps.db
      .insertInto('admin_sessions')
      .values({
        token_hash: hashToken(token),
        admin_id: admin.id,
        created_at: now,
        expires_at: now + deps.config.sessionTtlMs,
      })
      .execute();
    await deps.db.deleteFrom('admin_sessions').where('expires_at', '<=', now).execute();
    setCookie(c, ADMIN_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: secureCookies(c, deps.config),
      path: '/',
      maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
    });
    const csrfToken = setCsrfCookie(c, deps.config, token, Math.floor(deps.config.sessionTtlMs / 1000));
    return c.json({ token, admin: { id: admin.id, email: admin.email }, csrfToken });
  });

  api.add({
    method: 'get',
    path: '/v1/admin/session',
    summary: 'The signed-in admin and the CSRF token (the console restores its session on reload)',
    tag: 'admin',
    auth: 'admin',
    responses: {
      200: { description: 'Signed in; refreshes the relay_csrf cookie', schema: adminSessionStateSchema },
      401: { description: 'Not signed in' },
      403: { description: 'Sent from another origin' },
    },
  });
  app.get('/', requireAdmin(deps), async (c) => {
    const { token } = c.get('adminAuth');
    const session = await deps.db
      .selectFrom('admin_sessions')
      .select('expires_at')
      .where('token_hash', '=', c.get('adminSessionHash'))
      .executeTakeFirstOrThrow();
    const maxAge = Math.max(1, Math.floor((session.expires_at - deps.now()) / 1000));
    const csrfToken = setCsrfCookie(c, deps.config, token, maxAge);
    c.header('cache-control', 'no-store');
    return c.json({ admin: c.get('admin'), csrfToken, expiresAt: new Date(session.expires_at).toISOString() });
  });

  api.add({
    method: 'delete',
    path: '/v1/admin/session',
    summary: 'Sign out: the session token stops working',
    tag: 'admin',
    auth: 'admin',
    responses: {
      204: { description: 'Signed out' },
      401: { description: 'Not signed in' },
      403: { description: 'Cookie-authenticated without a matching X-CSRF-Token, or from another origin' },
    },
  });
  app.delete('/', requireAdmin(deps), async (c) => {
    await deps.db.deleteFrom('admin_sessions').where('token_hash', '=', c.get('adminSessionHash')).execute();
    deleteCookie(c, ADMIN_COOKIE, { path: '/' });
    deleteCookie(c, CSRF_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  return app;
}
