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
import { ADMIN_COOKIE, clientAddress, requireAdmin } from '../middleware/auth';
import { CSRF_COOKIE, rejectCrossOrigin, setCsrfCookie } from '../middleware/csrf';
import { RateLimiter, rateLimit } from '../middleware/rate-limit';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError } from '../problem';
import { readJson } from '../validate';

export function adminSessionRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(deps.config.rateLimits.session);

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
      429: { description: 'Too many attempts', headers: ['Retry-After'] },
    },
  });
  app.post(
    '/',
    rateLimit(limiter, (c) => clientAddress(c, deps.config.trustProxy)),
    async (c) => {
      rejectCrossOrigin(c, deps.config);
      const { email, password } = await readJson(c, adminSessionRequestSchema);
      const admin = await deps.db
        .selectFrom('admins')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
      const ok = await verifyPassword(password, admin?.password_hash ?? DUMMY_PASSWORD_HASH);
      if (!admin || !ok) throw new ProblemError(401, 'Wrong email or password.', { type: 'bad-credentials' });

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
        secure: new URL(c.req.url).protocol === 'https:',
        path: '/',
        maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
      });
      const csrfToken = setCsrfCookie(c, token, Math.floor(deps.config.sessionTtlMs / 1000));
      return c.json({ token, admin: { id: admin.id, email: admin.email }, csrfToken });
    },
  );

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
    const csrfToken = setCsrfCookie(c, token, maxAge);
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
