/** Sign-in with the company's identity provider: sign-in options, the start, the callback and the code exchange (the work is in server/sso/). */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  signInOptionsSchema,
  ssoCallbackQuerySchema,
  ssoExchangeRequestSchema,
  ssoExchangeResponseSchema,
  ssoStartQuerySchema,
} from '../../lib/schemas';
import type { Deps } from '../context';
import { clientAddress } from '../middleware/client-address';
import { secureCookies } from '../middleware/csrf';
import { FailureLimits, RateLimiter } from '../middleware/rate-limit';
import { ProblemError } from '../problem';
import { describeError } from '../sso/client';
import { LOGIN_TTL_MS } from '../sso/logins';
import { parseExtensionRedirect } from '../sso/redirects';
import { SSO_ERROR_WORDS, type SsoErrorType } from '../sso/refusals';
import { CALLBACK_PATH, SsoService } from '../sso/service';
import { readDocument } from '../services/documents';
import { openCookieSession } from './admin-cookies';
import { defineRoute, type Route } from './define';

/** Ties a console sign-in to the browser that began it (SameSite=Lax: it comes back from the provider's redirect). */
export const STATE_COOKIE = 'relay_sso_state';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A redirect of the sign-in: never cached, and its URL (a code or state in it) never sent on as a Referer. */
function redirect(c: Context, location: string): Response {
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'no-referrer');
  return c.redirect(location, 302);
}

/** Where a refused sign-in goes: the console's page with the type, or the extension's redirect with it. */
function refusedLocation(purpose: 'console' | 'extension', returnTo: string | null, type: SsoErrorType): string {
  if (purpose === 'console' || returnTo === null) return `/admin/?sso-error=${type}`;
  const url = new URL(returnTo);
  url.searchParams.set('error', type);
  url.searchParams.set('error_description', SSO_ERROR_WORDS[type]);
  return url.href;
}

export function ssoRoutes(deps: Deps): Route[] {
  const sso = deps.config.sso;
  const service = sso ? new SsoService(deps, sso) : undefined;
  const ssoOn = (): SsoService => {
    if (service) return service;
    throw new ProblemError(404, 'Sign-in with an identity provider is not set up on this server (RELAY_OIDC_ISSUER).', {
      type: 'sso-off',
      title: 'Single sign-on off',
    });
  };
  // Failed exchanges (unknown, used or expired codes) per address, at the invite codes' pace.
  const failures = new FailureLimits([new RateLimiter(deps.config.rateLimits.enroll)]);
  const isInvalidCode = (error: unknown) => error instanceof ProblemError && error.status === 401;

  return [
    defineRoute({
      method: 'get',
      path: '/v1/sign-in-options',
      summary: 'Which ways in this server offers (the console and the extension setup read it)',
      tag: 'auth',
      auth: 'none',
      caller: 'extension',
      anyClientVersion: true,
      responses: { 200: { description: 'The ways in', schema: signInOptionsSchema } },
      handler: async (c) =>
        c.json({
          sso: deps.config.sso !== undefined,
          password: deps.config.passwordSignIn,
          invites: deps.config.invites,
          organization: await readDocument(deps.db, 'organization'),
        }),
    }),

    defineRoute({
      method: 'get',
      path: '/v1/sso/start',
      summary: 'Begin signing in with the identity provider: 302 to its authorization endpoint',
      tag: 'auth',
      auth: 'none',
      query: ssoStartQuerySchema,
      rateLimit: { limit: 'enrollTotal', per: 'address' },
      responses: {
        302: {
          description:
            'To the provider (state, nonce and PKCE kept for 10 minutes); when the provider cannot be reached, to where its answer would go with error=failed',
        },
        400: { description: 'A bad query, or a redirect that is no allowed extension sign-in redirect' },
        404: { description: 'Single sign-on is not set up (type …/sso-off)' },
        429: { description: 'Too many sign-ins begun from this address', headers: ['Retry-After'] },
      },
      handler: async (c, { query }) => {
        const service = ssoOn();
        let returnTo: string | null = null;
        if (query.for === 'extension') {
          const parsed =
            query.redirect === undefined ? undefined : parseExtensionRedirect(query.redirect, service.sso.extensionIds);
          if (!parsed) {
            throw new ProblemError(
              400,
              "redirect must be the extension's browser.identity.getRedirectURL(): https://<id>.chromiumapp.org/ or https://<hash>.extensions.allizom.org/, of an extension this server allows.",
              { type: 'sso-redirect-invalid', title: 'Redirect not allowed' },
            );
          }
          returnTo = parsed.url;
        }
        try {
          await service.client.configuration();
        } catch (error) {
          console.warn(
            `sso: the identity provider at ${service.sso.issuer} could not be discovered: ${describeError(error)}`,
          );
          return redirect(c, refusedLocation(query.for, returnTo, 'failed'));
        }
        const { state, location } = await service.start({ purpose: query.for, returnTo, prompt: query.prompt });
        if (query.for === 'console') {
          setCookie(c, STATE_COOKIE, state, {
            httpOnly: true,
            sameSite: 'Lax',
            secure: secureCookies(c, deps.config),
            path: CALLBACK_PATH,
            maxAge: LOGIN_TTL_MS / 1000,
          });
        }
        return redirect(c, location.href);
      },
    }),

    defineRoute({
      method: 'get',
      path: CALLBACK_PATH,
      summary:
        "The identity provider's redirect back (the redirect URI to register: <RELAY_PUBLIC_URL>/v1/sso/callback)",
      tag: 'auth',
      auth: 'none',
      query: ssoCallbackQuerySchema,
      responses: {
        302: {
          description:
            'Console: session cookies set, to /admin/ (or /admin/?sso-error=<type>). Extension: to its redirect with code=<one-time code> (or error=<type>&error_description=<words>)',
        },
        400: {
          description: 'No sign-in has this state: unknown, tampered with or used already (type …/sso-state-invalid)',
        },
        404: { description: 'Single sign-on is not set up (type …/sso-off)' },
      },
      handler: async (c, { query }) => {
        const service = ssoOn();
        const cookieState = getCookie(c, STATE_COOKIE);
        if (cookieState !== undefined) deleteCookie(c, STATE_COOKIE, { path: CALLBACK_PATH });
        const sameBrowser = cookieState !== undefined && sameSecret(cookieState, query.state);
        const outcome = await service.callback(new URL(c.req.url).search, query.state, sameBrowser);
        if (!outcome) {
          // A console sign-in (its cookie says so) goes back to the console; nothing else says where to go.
          if (cookieState !== undefined) return redirect(c, refusedLocation('console', null, 'failed'));
          throw new ProblemError(400, 'This sign-in is unknown or was finished already. Start again.', {
            type: 'sso-state-invalid',
            title: 'Sign-in not found',
          });
        }
        if ('refused' in outcome)
          return redirect(c, refusedLocation(outcome.purpose, outcome.returnTo, outcome.refused));
        if (outcome.purpose === 'console') {
          await openCookieSession(c, deps, outcome.admin.id);
          return redirect(c, '/admin/');
        }
        const url = new URL(outcome.returnTo);
        url.searchParams.set('code', outcome.code);
        return redirect(c, url.href);
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/sso/exchange',
      summary: "Redeem the one-time code from the extension's sign-in redirect for an advocate token",
      tag: 'advocate',
      auth: 'none',
      caller: 'extension',
      rateLimit: { limit: 'enrollTotal', per: 'address' },
      body: ssoExchangeRequestSchema,
      responses: {
        201: { description: 'Signed in: a new token for this browser', schema: ssoExchangeResponseSchema },
        401: { description: 'Unknown, used or expired code (type …/sso-code-invalid)' },
        403: { description: 'The company ended this advocate’s access meanwhile (type …/access-removed)' },
        404: { description: 'Single sign-on is not set up (type …/sso-off)' },
        422: { description: 'Invalid body' },
        429: { description: 'Too many failed exchanges from this address', headers: ['Retry-After'] },
      },
      handler: async (c, { body }) => {
        const service = ssoOn();
        const address = clientAddress(c, deps.config.trustProxy);
        const origin = c.req.header('origin');
        const exchanged = await failures.run([address], () => service.exchange(body.code, origin), isInvalidCode);
        c.header('cache-control', 'no-store');
        return c.json(exchanged, 201);
      },
    }),
  ];
}
