/**
 * Cross-site request forgery protection for the admin session cookie.
 *
 * Requests authenticated by the `Authorization: Bearer` header need none: browsers never attach it
 * on their own. Requests authenticated by the `relay_admin` cookie must
 *
 * - come from the API's own origin (or the console's dev server, RELAY_CONSOLE_DEV_ORIGIN): a
 *   foreign `Origin`, `Origin: null`, or `Sec-Fetch-Site: cross-site` / `same-site` is refused;
 * - when they change state (POST, PUT, PATCH, DELETE), carry `X-CSRF-Token` equal to the
 *   `relay_csrf` cookie (double submit) and to the token derived from the session (HMAC of the
 *   session token), both compared in constant time. Sign-in sets the cookie and returns the token;
 *   GET /v1/admin/session returns it again.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config';
import { ProblemError } from '../problem';
import { forwardedHost, requestScheme } from './client-address';

export const CSRF_COOKIE = 'relay_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token of a session: an HMAC of its (secret) token, so it needs no storage of its own. */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('relay csrf v1').digest('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function forbidden(detail: string): ProblemError {
  return new ProblemError(403, detail, { type: 'csrf' });
}

/** The origins a cookie-authenticated request may come from. */
export function isAllowedOrigin(
  origin: string,
  c: Context,
  config: Pick<Config, 'publicUrl' | 'trustProxy' | 'consoleDevOrigin'>,
): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (config.consoleDevOrigin && url.origin === config.consoleDevOrigin) return true;
  if (config.publicUrl && url.origin === new URL(config.publicUrl).origin) return true;
  // The API's own address as the browser reached it: the scheme and host a trusted proxy forwarded
  // (X-Forwarded-Proto, X-Forwarded-Host), else the connection's scheme and the Host header.
  const scheme = requestScheme(c, config.trustProxy);
  const hosts = [c.req.header('host'), forwardedHost(c, config.trustProxy)];
  return hosts.some((host) => host !== undefined && originOf(scheme, host) === url.origin);
}

function originOf(scheme: string, host: string): string | undefined {
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/** Cookies get Secure when the browser reached the API over https (directly, or through a trusted proxy). */
export function secureCookies(c: Context, config: Pick<Config, 'trustProxy'>): boolean {
  return requestScheme(c, config.trustProxy) === 'https';
}

/** Refuses a browser request made from another site or origin (no Origin and no Sec-Fetch-Site: not a browser's cross-site request). */
export function rejectCrossOrigin(
  c: Context,
  config: Pick<Config, 'publicUrl' | 'trustProxy' | 'consoleDevOrigin'>,
): void {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    if (!isAllowedOrigin(origin, c, config)) {
      throw forbidden(
        `Requests from ${origin === 'null' ? 'an opaque origin' : origin} cannot use the admin session cookie.`,
      );
    }
    return;
  }
  const site = c.req.header('sec-fetch-site')?.toLowerCase();
  if (site === 'cross-site' || (site === 'same-site' && !config.consoleDevOrigin)) {
    throw forbidden('Requests from other sites cannot use the admin session cookie.');
  }
}

/** Middleware form of rejectCrossOrigin, for a route that sets the session cookie (sign-in). */
export function sameOriginOnly(
  config: Pick<Config, 'publicUrl' | 'trustProxy' | 'consoleDevOrigin'>,
): MiddlewareHandler {
  return async (c, next) => {
    rejectCrossOrigin(c, config);
    await next();
  };
}

/** Every check for a request authenticated by the session cookie holding `sessionToken`. */
export function checkCookieRequest(c: Context, config: Config, sessionToken: string): void {
  rejectCrossOrigin(c, config);
  if (SAFE_METHODS.has(c.req.method)) return;
  const header = c.req.header(CSRF_HEADER);
  const cookie = getCookie(c, CSRF_COOKIE);
  if (!header || !cookie) {
    throw forbidden(
      'Send the X-CSRF-Token header with the csrfToken from sign-in (or GET /v1/admin/session), or authenticate with "Authorization: Bearer <token>".',
    );
  }
  // Both comparisons always run, so timing does not tell which one failed.
  const matchesCookie = sameSecret(header, cookie);
  const matchesSession = sameSecret(header, csrfTokenFor(sessionToken));
  if (!matchesCookie || !matchesSession) throw forbidden('The X-CSRF-Token header does not match this session.');
}

/** Sets the readable relay_csrf cookie (SameSite=Strict, not HttpOnly: the console reads it). */
export function setCsrfCookie(
  c: Context,
  config: Pick<Config, 'trustProxy'>,
  sessionToken: string,
  maxAgeSeconds: number,
): string {
  const token = csrfTokenFor(sessionToken);
  setCookie(c, CSRF_COOKIE, token, {
    httpOnly: false,
    sameSite: 'Strict',
    secure: secureCookies(c, config),
    path: '/',
    maxAge: maxAgeSeconds,
  });
  return token;
}
