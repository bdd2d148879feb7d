/** Admin sign-in and sign-out: a bearer token in the body and the same token as an HttpOnly cookie. */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { adminSessionRequestSchema, adminSessionResponseSchema } from '../../lib/schemas';
import type { AppEnv, Deps } from '../context';
import { DUMMY_PASSWORD_HASH, hashToken, newToken, verifyPassword } from '../crypto';
import { ADMIN_COOKIE, clientAddress, requireAdmin } from '../middleware/auth';
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
      200: { description: 'Signed in; also sets the HttpOnly session cookie', schema: adminSessionResponseSchema },
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
        .values({ token_hash: hashToken(token), admin_id: admin.id, created_at: now, expires_at: now + deps.config.sessionTtlMs })
        .execute();
      await deps.db.deleteFrom('admin_sessions').where('expires_at', '<=', now).execute();
      setCookie(c, ADMIN_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:',
        path: '/',
        maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
      });
      return c.json({ token, admin: { id: admin.id, email: admin.email } });
    },
  );

  api.add({
    method: 'delete',
    path: '/v1/admin/session',
    summary: 'Sign out: the session token stops working',
    tag: 'admin',
    auth: 'admin',
    responses: { 204: { description: 'Signed out' }, 401: { description: 'Not signed in' } },
  });
  app.delete('/', requireAdmin(deps), async (c) => {
    await deps.db.deleteFrom('admin_sessions').where('token_hash', '=', c.get('adminSessionHash')).execute();
    deleteCookie(c, ADMIN_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  return app;
}
