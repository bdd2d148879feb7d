/**
 * Admin sign-in and sign-out: a bearer token in the body and the same token as an HttpOnly cookie,
 * plus the CSRF token cookie-authenticated writes must echo (middleware/csrf.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { adminSignInResponseSchema, adminSessionStateSchema } from '../../lib/console-schemas';
import { ROLE_PERMISSIONS } from '../../lib/roles';
import { adminSessionRequestSchema } from '../../lib/schemas';
import type { Deps } from '../context';
import { ADMIN_COOKIE } from '../middleware/auth';
import { clientAddress } from '../middleware/client-address';
import { CSRF_COOKIE, sameOriginOnly, setCsrfCookie } from '../middleware/csrf';
import { FailureLimits, RateLimiter } from '../middleware/rate-limit';
import { ProblemError } from '../problem';
import { checkSignIn, endSession, sessionExpiry } from '../services/admin-sessions';
import { openCookieSession } from './admin-cookies';
import { defineRoute, type Route } from './define';

/** RELAY_PASSWORD_SIGNIN=off: admins sign in with the identity provider only. */
function passwordSignInOn(deps: Deps): MiddlewareHandler {
  return async (_c, next) => {
    if (!deps.config.passwordSignIn) {
      throw new ProblemError(403, 'Password sign-in is switched off on this server: sign in with your work account.', {
        type: 'password-sign-in-off',
        title: 'Password sign-in off',
      });
    }
    await next();
  };
}

export function adminSessionRoutes(deps: Deps): Route[] {
  // Failed sign-ins per (address, account), per account and per address; successes are not counted,
  // and clear the (address, account) failures before them (a person who got there after typos).
  const { session, sessionAccount, sessionAddress } = deps.config.rateLimits;
  const perPair = new RateLimiter(session);
  const failures = new FailureLimits([perPair, new RateLimiter(sessionAccount), new RateLimiter(sessionAddress)]);
  const isWrongPassword = (error: unknown) => error instanceof ProblemError && error.status === 401;

  return [
    defineRoute({
      method: 'post',
      path: '/v1/admin/session',
      summary: 'Sign in as an admin',
      tag: 'admin',
      auth: 'none',
      caller: 'console',
      body: adminSessionRequestSchema,
      middleware: [sameOriginOnly(deps.config), passwordSignInOn(deps)],
      responses: {
        200: {
          description: 'Signed in; also sets the HttpOnly session cookie and the readable relay_csrf cookie',
          schema: adminSignInResponseSchema,
        },
        403: {
          description:
            'Sent from another origin, or password sign-in is switched off (RELAY_PASSWORD_SIGNIN=off, type …/password-sign-in-off)',
        },
        400: { description: 'Malformed JSON' },
        401: { description: 'Wrong email or password' },
        422: { description: 'Invalid body' },
        429: {
          description: 'Too many failed attempts (from this address, or on this account)',
          headers: ['Retry-After'],
        },
      },
      handler: async (c, { body: { email, password } }) => {
        const account = email.toLowerCase();
        const address = clientAddress(c, deps.config.trustProxy);
        const pair = `${address} ${account}`;
        const admin = await failures.run(
          [pair, account, address],
          async () => {
            const found = await checkSignIn(deps.db, account, password);
            if (!found) throw new ProblemError(401, 'Wrong email or password.', { type: 'bad-credentials' });
            return found;
          },
          isWrongPassword,
        );
        perPair.forget(pair);
        const { token, csrfToken } = await openCookieSession(c, deps, admin.id);
        return c.json({ token, admin, permissions: ROLE_PERMISSIONS[admin.role], csrfToken });
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/session',
      summary: 'The signed-in admin and the CSRF token (the console restores its session on reload)',
      tag: 'admin',
      auth: 'admin',
      permission: 'session',
      responses: {
        200: { description: 'Signed in; refreshes the relay_csrf cookie', schema: adminSessionStateSchema },
        401: { description: 'Not signed in' },
        403: { description: 'Sent from another origin' },
      },
      handler: async (c) => {
        const expiresAt = await sessionExpiry(deps.db, c.get('adminSessionHash'));
        const maxAge = Math.max(1, Math.floor((expiresAt - deps.now()) / 1000));
        const csrfToken = setCsrfCookie(c, deps.config, c.get('adminAuth').token, maxAge);
        c.header('cache-control', 'no-store');
        const admin = c.get('admin');
        return c.json({
          admin,
          permissions: ROLE_PERMISSIONS[admin.role],
          csrfToken,
          expiresAt: new Date(expiresAt).toISOString(),
        });
      },
    }),

    defineRoute({
      method: 'delete',
      path: '/v1/admin/session',
      summary: 'Sign out: the session token stops working',
      tag: 'admin',
      auth: 'admin',
      permission: 'session',
      responses: {
        204: { description: 'Signed out' },
        401: { description: 'Not signed in' },
        403: { description: 'Cookie-authenticated without a matching X-CSRF-Token, or from another origin' },
      },
      handler: async (c) => {
        await endSession(deps.db, c.get('adminSessionHash'));
        deleteCookie(c, ADMIN_COOKIE, { path: '/' });
        deleteCookie(c, CSRF_COOKIE, { path: '/' });
        return c.body(null, 204);
      },
    }),
  ];
}
