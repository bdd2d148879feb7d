/** Signing in the way the console does: cookies, not the bearer header. */
import { expect } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer } from './server';

export interface CookieSession {
  token: string;
  csrfToken: string;
  /** The Cookie header a browser would send (session and CSRF cookies). */
  cookie: string;
  /** Cookie + X-CSRF-Token: what the console sends on writes. */
  headers: Record<string, string>;
}

/** The cookies a response sets, by name. */
export function setCookies(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at).trim(), line);
  }
  return cookies;
}

export function cookieValue(line: string | undefined): string | undefined {
  const pair = line?.split(';')[0];
  return pair?.slice(pair.indexOf('=') + 1);
}

export async function cookieSignIn(server: TestServer): Promise<CookieSession> {
  const response = await server.call('/v1/admin/session', {
    method: 'POST',
    json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const body = JSON.parse(text) as { token: string; csrfToken: string };
  const cookies = setCookies(response);
  const session = cookieValue(cookies.get('relay_admin'));
  const csrf = cookieValue(cookies.get('relay_csrf'));
  expect(session).toBe(body.token);
  expect(csrf).toBe(body.csrfToken);
  const cookie = `relay_admin=${session}; relay_csrf=${csrf}`;
  return { token: body.token, csrfToken: body.csrfToken, cookie, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}
