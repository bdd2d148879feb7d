/** An admin session opened in the browser, for password and identity-provider sign-in alike: the HttpOnly session cookie and the CSRF cookie. */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Deps } from '../context';
import { ADMIN_COOKIE } from '../middleware/auth';
import { secureCookies, setCsrfCookie } from '../middleware/csrf';
import { openSession } from '../services/admin-sessions';

/** Opens a session for `adminId` and sets both cookies; returns the session token and its CSRF token. */
export async function openCookieSession(
  c: Context,
  deps: Pick<Deps, 'db' | 'now' | 'config'>,
  adminId: string,
): Promise<{ token: string; csrfToken: string }> {
  const token = await openSession(deps, adminId);
  const maxAge = Math.floor(deps.config.sessionTtlMs / 1000);
  setCookie(c, ADMIN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: secureCookies(c, deps.config),
    path: '/',
    maxAge,
  });
  const csrfToken = setCsrfCookie(c, deps.config, token, maxAge);
  return { token, csrfToken };
}
