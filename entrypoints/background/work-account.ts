/** "Sign in with your work account": identity.launchWebAuthFlow through /v1/sso/start, the one-time code exchanged, each failure in words. */
import { readSignInOptionsSchema, readSsoExchangeResponseSchema } from '../../lib/schemas/read';
import type { SignInMode, WorkSignInFailureKind, WorkSignInResult } from '../../components/shared/views';
import { ApiClient, ApiError, type Transport } from './api-client';
import type { RelayDexie } from './db';
import { storeEnrollment } from './enrollment';

/** The browser's identity API, as far as the flow uses it (tests give a fake). */
export interface IdentityPort {
  getRedirectURL(path?: string): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
}

/** The path of this extension's redirect URL (`https://<id>.chromiumapp.org/sso` in Chrome). */
export const REDIRECT_PATH = 'sso';

type Failure = Extract<WorkSignInResult, { ok: false }>;
const fail = (kind: WorkSignInFailureKind, message: string): Failure => ({ ok: false, kind, message });

const ACCESS_REMOVED =
  'Your company has not given you access to Relay, or your access was removed. If you think you should have it, ask your IT team.';
const SSO_OFF = 'This Relay server does not offer sign-in with a work account.';
const TOO_OLD =
  'This version of Relay is too old for your server. Update Relay: your browser updates extensions by itself (restarting it helps), or ask your IT team.';

/**
 * The words for a server without work-account sign-in: "use an invite code" only where the
 * organisation's mode shows the invite form (not `sso`) and the server takes codes.
 */
export function ssoOffMessage(mode: SignInMode, serverTakesInvites: boolean): string {
  return mode !== 'sso' && serverTakesInvites
    ? `${SSO_OFF} Use an invite code, or ask your IT team.`
    : `${SSO_OFF} Ask your IT team.`;
}

/** Where the flow starts: the server's /v1/sso/start for this extension's redirect URL (`prompt=none` when silent). */
export function startUrl(serverUrl: string, redirect: string, silent: boolean): string {
  const url = `${serverUrl}/v1/sso/start?for=extension&redirect=${encodeURIComponent(redirect)}`;
  return silent ? `${url}&prompt=none` : url;
}

/** What the flow's last URL carries: the one-time code, or the server's error type and words. */
export function readRedirect(finalUrl: string | undefined, redirect: string): { code: string } | Failure {
  let url: URL;
  try {
    url = new URL(finalUrl ?? '');
  } catch {
    return fail('server', 'The sign-in ended without an answer from your Relay server. Try again.');
  }
  const expected = new URL(redirect);
  if (url.origin !== expected.origin || url.pathname !== expected.pathname)
    return fail('server', 'The sign-in ended somewhere Relay did not expect. Try again.');
  const code = url.searchParams.get('code');
  if (code) return { code };
  const error = url.searchParams.get('error');
  const description = url.searchParams.get('error_description')?.trim();
  if (error === 'access-removed') return fail('access-removed', ACCESS_REMOVED);
  if (error === 'access-denied')
    return fail(
      'access-denied',
      'Your company sign-in did not let you in: it was cancelled, or your work account is not allowed to use Relay. Try again, or ask your IT team.',
    );
  if (error === 'login-required') return fail('login-required', 'Sign in with your work account to start using Relay.');
  return fail(
    'server',
    `The sign-in did not work${description ? `: ${description.replace(/\.$/, '')}` : ''}. Try again, and if it keeps happening, tell your IT team.`,
  );
}

/** The browser's reasons for ending the flow without a URL: closed window, interaction needed, page unreachable. */
export function flowFailure(error: unknown, serverUrl: string): Failure {
  const message = error instanceof Error ? error.message : String(error);
  // Chrome: "User interaction required."; Firefox: "Requires user interaction".
  if (/interaction/i.test(message))
    return fail('login-required', 'Sign in with your work account to start using Relay.');
  // Chrome: "The user did not approve access."; Firefox: "User cancelled or denied access.".
  if (/approve|cancel|denied|closed/i.test(message))
    return fail('cancelled', 'The sign-in window was closed before you finished. Sign in again when you are ready.');
  if (/could not be loaded|load/i.test(message))
    return fail('unreachable', `Can't reach ${serverUrl} or your company's sign-in page. Check your connection.`);
  return fail('server', `The browser could not finish the sign-in (${message}). Try again.`);
}

/** A failed call to the server, in words (`ssoOff`: what to say when the server has no work-account sign-in). */
function serverFailure(error: unknown, serverUrl: string, ssoOff: string): Failure {
  if (!(error instanceof ApiError)) return fail('server', `The sign-in did not work: ${(error as Error).message}`);
  if (error.kind === 'offline')
    return fail('unreachable', `Can't reach ${serverUrl}. Check your connection and try again.`);
  if (error.problemType === 'sso-code-invalid' || error.status === 401)
    return fail('code-invalid', 'That sign-in took too long or was already used. Sign in again.');
  if (error.problemType === 'sso-off' || error.status === 404) return fail('sso-off', ssoOff);
  if (error.clientTooOld) return fail('server', TOO_OLD);
  if (error.status === 429) return fail('server', 'Too many sign-ins at once. Wait a minute and try again.');
  return fail('server', `Your Relay server could not sign you in: ${error.message}`);
}

export interface WorkSignInOptions extends Transport {
  serverUrl: string;
  /** False: never shows a window; fails with `login-required` when the identity provider needs the person. */
  interactive: boolean;
  identity: IdentityPort;
  /** The organisation's sign-in mode (policy; `both` when unset): which other way in the words may point to. */
  mode: SignInMode;
}

/** Which ways in the server offers, or the failure that kept us from knowing. */
async function serverSignIn(
  serverUrl: string,
  transport: Transport,
): Promise<{ sso: boolean; invites: boolean } | Failure> {
  try {
    const body = await new ApiClient(serverUrl, undefined, transport).signInOptions();
    const options = readSignInOptionsSchema.safeParse(body);
    return options.success ? options.data : { sso: false, invites: true };
  } catch (error) {
    const failure = serverFailure(error, serverUrl, SSO_OFF);
    // A server from before work accounts has no sign-in options (404): invite codes only.
    return failure.kind === 'sso-off' ? { sso: false, invites: true } : failure;
  }
}

/** Whether the server offers work-account sign-in: true, false, or the failure that kept us from knowing. */
export async function offersWorkSignIn(serverUrl: string, transport: Transport): Promise<boolean | Failure> {
  const offered = await serverSignIn(serverUrl, transport);
  return 'ok' in offered ? offered : offered.sso;
}

/**
 * The flow: the server's /v1/sso/start sends the browser to the company's identity provider and back
 * to this extension's redirect URL with a one-time code, traded for an advocate token (POST
 * /v1/sso/exchange) and stored like any enrolment.
 */
/** Signs in with the work account and, on success, stores the enrolment (replacing whatever this browser held). */
export async function signInWithWorkAccount(db: RelayDexie, options: WorkSignInOptions): Promise<WorkSignInResult> {
  const { serverUrl, interactive, identity, mode } = options;
  const transport: Transport = { fetch: options.fetch, clientVersion: options.clientVersion };
  const offered = await serverSignIn(serverUrl, transport);
  if ('ok' in offered) return offered;
  const ssoOff = ssoOffMessage(mode, offered.invites);
  if (!offered.sso) return fail('sso-off', ssoOff);

  const redirect = identity.getRedirectURL(REDIRECT_PATH);
  let finalUrl: string | undefined;
  try {
    finalUrl = await identity.launchWebAuthFlow({ url: startUrl(serverUrl, redirect, !interactive), interactive });
  } catch (error) {
    return flowFailure(error, serverUrl);
  }
  const answer = readRedirect(finalUrl, redirect);
  if (!('code' in answer)) return answer;

  let body: unknown;
  try {
    body = await new ApiClient(serverUrl, undefined, transport).ssoExchange(answer.code);
  } catch (error) {
    return serverFailure(error, serverUrl, ssoOff);
  }
  const signedIn = readSsoExchangeResponseSchema.safeParse(body);
  if (!signedIn.success)
    return fail('server', 'The server answered in a way Relay does not understand. Is this a Relay server?');
  await storeEnrollment(db, {
    serverUrl,
    token: signedIn.data.token,
    advocate: signedIn.data.advocate,
    via: 'sso',
  });
  return { ok: true };
}
