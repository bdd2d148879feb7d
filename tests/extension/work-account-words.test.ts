/**
 * Work-account sign-in's pieces that need no server: the policy read tolerantly, the start URL, what
 * the flow's last URL and the browser's refusals mean (in words), the access-ended notices (an SSO
 * user is never sent for an invite code), and what the setup screen is told to offer per mode.
 */
import { describe, expect, it } from 'vitest';
import { accessEndedNotice } from '../../entrypoints/background/access';
import { readManagedPolicy } from '../../entrypoints/background/policy';
import { popupState } from '../../entrypoints/background/popup-state';
import { setMeta } from '../../entrypoints/background/db';
import { flowFailure, readRedirect, ssoOffMessage, startUrl } from '../../entrypoints/background/work-account';
import { readSignInOptionsSchema, readSsoExchangeResponseSchema } from '../../lib/schemas/read';
import { noInvites, waysIn } from '../../components/popup/waysIn';
import { freshDb, TEST_EXTENSION } from './helpers';

const REDIRECT = `https://${TEST_EXTENSION.id}.chromiumapp.org/sso`;
const SERVER = 'https://relay.example.com';

describe('the managed policy', () => {
  it('reads serverUrl and signIn, normalising the URL', () => {
    expect(readManagedPolicy({ serverUrl: 'relay.example.com/', signIn: 'sso' })).toEqual({
      serverUrl: SERVER,
      signIn: 'sso',
    });
    expect(readManagedPolicy({ signIn: ' invite ' })).toEqual({ serverUrl: null, signIn: 'invite' });
  });

  it('ignores what it does not know: other values, other types, other keys, no policy at all', () => {
    expect(readManagedPolicy({ serverUrl: 42, signIn: 'SAML', extra: true })).toEqual({
      serverUrl: null,
      signIn: null,
    });
    expect(readManagedPolicy({ serverUrl: 'ftp://relay.example.com', signIn: ['sso'] })).toEqual({
      serverUrl: null,
      signIn: null,
    });
    expect(readManagedPolicy(undefined)).toEqual({ serverUrl: null, signIn: null });
  });
});

describe('the flow', () => {
  it('starts at the server for this extension, silent ones with prompt=none', () => {
    expect(startUrl(SERVER, REDIRECT, false)).toBe(
      `${SERVER}/v1/sso/start?for=extension&redirect=${encodeURIComponent(REDIRECT)}`,
    );
    expect(startUrl(SERVER, REDIRECT, true)).toBe(
      `${SERVER}/v1/sso/start?for=extension&redirect=${encodeURIComponent(REDIRECT)}&prompt=none`,
    );
  });

  it('reads the code, or the error the server put on the redirect, in words', () => {
    expect(readRedirect(`${REDIRECT}?code=abc`, REDIRECT)).toEqual({ code: 'abc' });
    expect(readRedirect(`${REDIRECT}?error=access-removed&error_description=x`, REDIRECT)).toMatchObject({
      kind: 'access-removed',
      message: expect.stringMatching(/Your company has not given you access to Relay/),
    });
    expect(readRedirect(`${REDIRECT}?error=login-required`, REDIRECT)).toMatchObject({ kind: 'login-required' });
    expect(readRedirect(`${REDIRECT}?error=access-denied`, REDIRECT)).toMatchObject({
      kind: 'access-denied',
      message: expect.stringMatching(/cancelled, or your work account is not allowed/),
    });
    const failed = readRedirect(`${REDIRECT}?error=failed&error_description=The+IdP+said+no.`, REDIRECT);
    expect(failed).toMatchObject({ kind: 'server', message: expect.stringContaining('The IdP said no') });
  });

  it('names an invite code for a server without work accounts only where the mode and the server offer codes', () => {
    expect(ssoOffMessage('sso', true)).toBe(
      'This Relay server does not offer sign-in with a work account. Ask your IT team.',
    );
    expect(ssoOffMessage('both', false)).not.toMatch(/invite/i);
    expect(ssoOffMessage('both', true)).toMatch(/Use an invite code, or ask your IT team\.$/);
  });

  it('refuses a last URL that is not this extension’s redirect', () => {
    expect(readRedirect('https://evil.example/sso?code=abc', REDIRECT)).toMatchObject({ kind: 'server' });
    expect(readRedirect(undefined, REDIRECT)).toMatchObject({ kind: 'server' });
  });

  it('puts the browsers’ refusals in words: window closed, interaction needed, page not loaded', () => {
    // Chrome's and Firefox's messages.
    expect(flowFailure(new Error('The user did not approve access.'), SERVER).kind).toBe('cancelled');
    expect(flowFailure(new Error('User cancelled or denied access.'), SERVER).kind).toBe('cancelled');
    expect(flowFailure(new Error('User interaction required.'), SERVER).kind).toBe('login-required');
    expect(flowFailure(new Error('Requires user interaction'), SERVER).kind).toBe('login-required');
    expect(flowFailure(new Error('Authorization page could not be loaded.'), SERVER)).toMatchObject({
      kind: 'unreachable',
      message: expect.stringContaining(SERVER),
    });
  });

  it('reads the server’s answers tolerantly', () => {
    const unnamed = { name: '', logoUrl: null };
    expect(readSignInOptionsSchema.parse({ sso: true, password: false, invites: false, saml: true })).toEqual({
      sso: true,
      invites: false,
      organization: unnamed,
    });
    expect(readSignInOptionsSchema.parse({})).toEqual({ sso: false, invites: true, organization: unnamed });
    // An organisation with a field this version doesn't know, and a logo it can't read.
    const organization = { name: 'Acme', logoUrl: 7, motto: 'Onwards' };
    expect(readSignInOptionsSchema.parse({ sso: false, invites: true, organization }).organization).toEqual({
      name: 'Acme',
      logoUrl: null,
    });
    const exchanged = readSsoExchangeResponseSchema.parse({
      token: 't',
      advocate: { id: 'a1', name: 'Ada', email: 'ada@example.com', team: null, pronouns: 'she' },
      later: 1,
    });
    expect(exchanged).toEqual({
      token: 't',
      advocate: { id: 'a1', name: 'Ada', email: 'ada@example.com', team: null },
    });
    expect(readSsoExchangeResponseSchema.parse({ token: 't', advocate: { id: 'a1', name: 'Ada' } }).advocate).toEqual({
      id: 'a1',
      name: 'Ada',
      email: null,
      team: null,
    });
  });
});

describe('access-ended notices', () => {
  const words = (notice: { title: string; message: string }) => `${notice.title} ${notice.message}`;

  it('never send a work-account user for an invite code', () => {
    for (const end of ['token-revoked', 'token-expired', 'unauthorized'] as const) {
      const sso = accessEndedNotice({ end, via: 'sso' }, SERVER);
      expect(words(sso)).not.toMatch(/invite/i);
      expect(sso.via).toBe('sso');
      const invite = accessEndedNotice({ end }, SERVER);
      expect(words(invite)).toMatch(/invite code/i);
    }
    expect(accessEndedNotice({ end: 'token-expired', via: 'sso' }, SERVER).message).toMatch(
      /Sign in with your work account again/,
    );
  });

  it('say the company ended access when the server says so (deprovisioned), whoever enrolled how', () => {
    for (const via of ['sso', 'invite', undefined] as const) {
      const notice = accessEndedNotice({ end: 'token-revoked', reason: 'deprovisioned', via }, SERVER);
      expect(notice.reason).toBe('deprovisioned');
      expect(notice.title).toBe('Your company ended your access to Relay');
      expect(notice.message).toMatch(
        /^Your saved posts and share history were cleared from this browser\. If you think this is a mistake, ask your IT team\.$/,
      );
      expect(words(notice)).not.toMatch(/invite/i);
    }
    // An admin's removal is not a deprovisioning.
    expect(accessEndedNotice({ end: 'token-revoked', reason: 'removed' }, SERVER).reason).toBe('revoked');
  });
});

describe('what the setup screen offers', () => {
  const setupFor = async (
    policy: { serverUrl: string | null; signIn: 'sso' | 'invite' | 'both' | null },
    ended?: 'revoked' | 'deprovisioned' | 'expired',
    signInAvailable = true,
  ) => {
    const db = freshDb();
    if (ended) await setMeta(db, 'accessEnded', { reason: ended, title: 't', message: 'm', at: '', serverUrl: SERVER });
    return (await popupState(db, { locked: policy.serverUrl, policy, signInAvailable })).setup;
  };

  it('follows the policy’s mode, "both" when unset', async () => {
    expect(await setupFor({ serverUrl: SERVER, signIn: 'sso' })).toEqual({
      serverUrl: SERVER,
      locked: true,
      signIn: 'sso',
      silentSignIn: true,
    });
    expect(await setupFor({ serverUrl: SERVER, signIn: null })).toMatchObject({ signIn: 'both', silentSignIn: true });
    expect(await setupFor({ serverUrl: SERVER, signIn: 'invite' })).toMatchObject({
      signIn: 'invite',
      silentSignIn: false,
    });
  });

  it('tries silently only with the server set by policy, and not after the company or an admin ended access', async () => {
    expect(await setupFor({ serverUrl: null, signIn: 'sso' })).toMatchObject({ silentSignIn: false, locked: false });
    expect(await setupFor({ serverUrl: SERVER, signIn: 'sso' }, 'deprovisioned')).toMatchObject({
      silentSignIn: false,
    });
    expect(await setupFor({ serverUrl: SERVER, signIn: 'sso' }, 'revoked')).toMatchObject({ silentSignIn: false });
    expect(await setupFor({ serverUrl: SERVER, signIn: 'sso' }, 'expired')).toMatchObject({ silentSignIn: true });
  });

  it('offers invite codes only in a browser without an extension sign-in flow', async () => {
    expect(await setupFor({ serverUrl: SERVER, signIn: 'both' }, undefined, false)).toMatchObject({
      signIn: 'invite',
      silentSignIn: false,
    });
  });

  it('shows the invite form only when the mode allows codes and the server takes them', () => {
    const server = (sso: boolean | null, invites: boolean | null) => ({ sso, invites });
    // A server with invite codes off (RELAY_INVITES=off): no form in any mode.
    expect(waysIn('both', server(true, false))).toEqual({ workAccount: true, invites: false, none: false });
    expect(waysIn('sso', server(true, false))).toEqual({ workAccount: true, invites: false, none: false });
    expect(waysIn('invite', server(true, false))).toEqual({ workAccount: false, invites: false, none: true });
    expect(waysIn('both', server(false, false))).toEqual({ workAccount: false, invites: false, none: true });
    expect(noInvites()).toBe('Your Relay server does not take invite codes: ask your IT team.');
    // A server that takes them, or one not asked yet: the form as the mode says.
    expect(waysIn('both', server(true, true))).toEqual({ workAccount: true, invites: true, none: false });
    expect(waysIn('both', server(false, true))).toEqual({ workAccount: false, invites: true, none: false });
    expect(waysIn('both', server(null, null))).toEqual({ workAccount: false, invites: true, none: false });
    expect(waysIn('invite', server(null, null))).toEqual({ workAccount: false, invites: true, none: false });
    expect(waysIn('sso', server(false, true))).toEqual({ workAccount: true, invites: false, none: false });
  });
});
