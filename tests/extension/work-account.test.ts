/**
 * "Sign in with your work account" and zero-touch, in the background against the real server and
 * the real test IdP (oidc-provider on loopback), the browser's identity API played by a
 * cookie-keeping HTTP client (work-account-setup.ts): an interactive sign-in through the IdP's
 * login page ends enrolled, synced and connected; a silent one rides an IdP session and never
 * needs a page; each failure is put in words; the backoff and the one notification; nothing loops
 * after the company or an admin ended access; a removal or a SCIM deactivation clears the browser
 * within 5 s.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../entrypoints/background/api-client';
import { BackgroundController } from '../../entrypoints/background/controller';
import { getMeta } from '../../entrypoints/background/db';
import { SIGN_IN_ALARM, SIGN_IN_NOTIFICATION } from '../../entrypoints/background/zero-touch';
import { startTestIdp, type TestIdp } from '../helpers/oidc-provider';
import { startTestServer, type TestServer } from '../helpers/server';
import { createScimToken, PATCH_OP, scimClient, USER_SCHEMA } from '../helpers/scim';
import { ADA, GRACE, startSsoServer } from '../helpers/sso';
import { consoleSignIn, type IdpCredentials } from '../helpers/sso-client';
import { ask, DOWN_URL, fakePort, freshDb, publish, until } from './helpers';
import { FakeIdentity } from './work-account-setup';

let idp: TestIdp;
let server: TestServer;
const controllers: BackgroundController[] = [];

beforeAll(async () => {
  idp = await startTestIdp();
  server = await startSsoServer(idp);
  await publish(server, 'Launch day');
});
afterAll(async () => {
  await server.stop();
  await idp.close();
});
afterEach(async () => {
  for (const bg of controllers.splice(0)) {
    bg.live.stop();
    await bg.settled();
  }
});

type Mode = 'sso' | 'invite' | 'both';

/** A browser: its own database, identity API and policy (the server set by policy unless `policy` says otherwise). */
function browserWith(identity: FakeIdentity, policy: { serverUrl?: string | null; signIn?: Mode | null } = {}) {
  const { port, calls } = fakePort({
    identity,
    policy: { serverUrl: server.url, signIn: 'sso', ...policy },
  });
  const bg = new BackgroundController(freshDb(), port);
  controllers.push(bg);
  return { bg, calls };
}

let people = 0;
/** A new employee at the IdP (removing one leaves Ada and Grace for the other tests). */
function newPerson(): IdpCredentials {
  const n = ++people;
  const credentials = { username: `person${n}`, password: `person${n}-password` };
  idp.addUser({ sub: `u-person-${n}`, ...credentials, name: `Person ${n}`, email: `person${n}@example.com` });
  return credentials;
}

async function removeAdvocate(id: string): Promise<void> {
  const response = await server.call(`/v1/admin/advocates/${id}`, {
    method: 'DELETE',
    token: await server.adminToken(),
  });
  expect(response.status).toBe(200);
}

describe('signing in with a work account', () => {
  it('through the IdP’s login page: enrolled as the IdP says, synced at once, the stream connected', async () => {
    const identity = new FakeIdentity();
    identity.person = ADA;
    const { bg, calls } = browserWith(identity);
    const logins = idp.logins.length;

    expect(await ask(bg, 'signInWorkAccount', {})).toEqual({ ok: true });

    expect(identity.flows).toHaveLength(1);
    expect(identity.flows[0]!.interactive).toBe(true);
    expect(identity.flows[0]!.url).toBe(
      `${server.url}/v1/sso/start?for=extension&redirect=${encodeURIComponent(identity.getRedirectURL('sso'))}`,
    );
    expect(idp.logins.slice(logins)).toEqual(['ada']);
    const enrollment = (await getMeta(bg.db, 'enrollment'))!;
    expect(enrollment).toMatchObject({
      serverUrl: server.url,
      via: 'sso',
      advocate: { name: 'Ada Lovelace', email: 'ada@example.com', team: 'Engineering' },
    });
    // Synced at once (no alarm needed) and live.
    expect((await bg.db.content.toArray()).map((item) => item.title)).toContain('Launch day');
    await until(() => bg.live.connected);
    expect(calls.changed).toBeGreaterThan(0);
    const state = await bg.state();
    expect(state.enrollment).toMatchObject({ advocate: { name: 'Ada Lovelace' }, via: 'sso' });
  });

  it('reaches the same advocate from another browser, with a token of its own', async () => {
    const first = new FakeIdentity();
    first.person = GRACE;
    const one = browserWith(first).bg;
    const second = new FakeIdentity();
    second.person = GRACE;
    const other = browserWith(second).bg;
    expect(await ask(one, 'signInWorkAccount', {})).toEqual({ ok: true });
    expect(await ask(other, 'signInWorkAccount', {})).toEqual({ ok: true });
    const [a, b] = [(await getMeta(one.db, 'enrollment'))!, (await getMeta(other.db, 'enrollment'))!];
    expect(a.advocate.id).toBe(b.advocate.id);
    expect(a.token).not.toBe(b.token);
  });

  it('uses the server the person typed when nothing is locked', async () => {
    const identity = new FakeIdentity();
    identity.person = ADA;
    const { bg } = browserWith(identity, { serverUrl: null, signIn: null });
    expect(await ask(bg, 'signInWorkAccount', { serverUrl: server.url })).toEqual({ ok: true });
    expect((await getMeta(bg.db, 'enrollment'))?.serverUrl).toBe(server.url);
  });

  it('says so when the person closes the window, and stores nothing', async () => {
    const identity = new FakeIdentity();
    identity.person = 'closes-the-window';
    const { bg } = browserWith(identity);
    const result = await ask(bg, 'signInWorkAccount', {});
    expect(result).toMatchObject({ ok: false, kind: 'cancelled', message: expect.stringMatching(/window was closed/) });
    expect(await getMeta(bg.db, 'enrollment')).toBeUndefined();
  });

  it('refuses a code that was already used (sso-code-invalid), in words', async () => {
    const identity = new FakeIdentity();
    identity.person = ADA;
    const redirect = identity.getRedirectURL('sso');
    const landed = new URL(
      await identity.launchWebAuthFlow({
        url: `${server.url}/v1/sso/start?for=extension&redirect=${encodeURIComponent(redirect)}`,
        interactive: true,
      }),
    );
    const code = landed.searchParams.get('code')!;
    expect(await new ApiClient(server.url, undefined).ssoExchange(code)).toMatchObject({
      advocate: { name: 'Ada Lovelace' },
    });
    // The same code again, handed back by a browser that replays the redirect.
    const replay = { getRedirectURL: () => redirect, launchWebAuthFlow: async () => landed.href };
    const { port } = fakePort({ identity: replay, policy: { serverUrl: server.url, signIn: 'sso' } });
    const bg = new BackgroundController(freshDb(), port);
    controllers.push(bg);
    expect(await ask(bg, 'signInWorkAccount', {})).toMatchObject({
      ok: false,
      kind: 'code-invalid',
      message: expect.stringMatching(/took too long or was already used/),
    });
    expect(await getMeta(bg.db, 'enrollment')).toBeUndefined();
  });

  it('a server without work-account sign-in: said at once, no window opened, an invite code named only where offered', async () => {
    const plain = await startTestServer();
    try {
      const identity = new FakeIdentity();
      identity.person = ADA;
      // Policy "sso": the popup shows no invite form, so the words do not send them to one.
      const { bg } = browserWith(identity, { serverUrl: plain.url });
      expect(await ask(bg, 'signInWorkAccount', {})).toMatchObject({
        ok: false,
        kind: 'sso-off',
        message: 'This Relay server does not offer sign-in with a work account. Ask your IT team.',
      });
      const both = browserWith(identity, { serverUrl: plain.url, signIn: 'both' }).bg;
      expect(await ask(both, 'signInWorkAccount', {})).toMatchObject({
        kind: 'sso-off',
        message: expect.stringMatching(/does not offer sign-in with a work account\. Use an invite code, or ask/),
      });
      expect(identity.flows).toEqual([]);
    } finally {
      await plain.stop();
    }
  });

  it('a server that cannot be reached: said at once, no window opened', async () => {
    const identity = new FakeIdentity();
    const { bg } = browserWith(identity, { serverUrl: DOWN_URL });
    expect(await ask(bg, 'signInWorkAccount', {})).toMatchObject({ ok: false, kind: 'unreachable' });
    expect(identity.flows).toEqual([]);
  });

  it('an advocate an admin removed is refused by the server (access-removed), in words', async () => {
    const identity = new FakeIdentity();
    identity.person = newPerson();
    const { bg } = browserWith(identity);
    expect(await ask(bg, 'signInWorkAccount', {})).toEqual({ ok: true });
    const enrollment = (await getMeta(bg.db, 'enrollment'))!;
    await removeAdvocate(enrollment.advocate.id);
    await until(async () => (await getMeta(bg.db, 'enrollment')) === undefined);
    const notice = (await getMeta(bg.db, 'accessEnded'))!;
    expect(notice.reason).toBe('revoked');
    expect(`${notice.title} ${notice.message}`).not.toMatch(/invite/i);
    expect(notice.message).toMatch(/sign in with your work account again/);

    expect(await ask(bg, 'signInWorkAccount', {})).toMatchObject({
      ok: false,
      kind: 'access-removed',
      message: expect.stringMatching(/Your company has not given you access to Relay/),
    });
  });

  it('a 4401 on the stream signs the browser out and clears it within 5 s', async () => {
    const identity = new FakeIdentity();
    identity.person = newPerson();
    const { bg } = browserWith(identity);
    expect(await ask(bg, 'signInWorkAccount', {})).toEqual({ ok: true });
    await until(() => bg.live.connected);
    expect(await bg.db.content.count()).toBeGreaterThan(0);
    const { advocate } = (await getMeta(bg.db, 'enrollment'))!;
    const started = Date.now();
    await removeAdvocate(advocate.id);
    await until(async () => (await getMeta(bg.db, 'enrollment')) === undefined, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await bg.db.content.count()).toBe(0);
    expect(bg.live.connected).toBe(false);
  });

  it('deactivated over SCIM (Entra ID’s request): cleared within 5 s, and the notice says the company ended access', async () => {
    const scim = scimClient(server, (await createScimToken(server)).token);
    const person = newPerson();
    const user = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      {
        schemas: [USER_SCHEMA],
        userName: `${person.username}@example.com`,
        externalId: `u-${person.username.replace('person', 'person-')}`,
        active: true,
      },
      201,
    );
    const identity = new FakeIdentity();
    identity.person = person;
    const { bg } = browserWith(identity);
    expect(await ask(bg, 'signInWorkAccount', {})).toEqual({ ok: true });
    await until(() => bg.live.connected);
    const { advocate } = (await getMeta(bg.db, 'enrollment'))!;
    expect(advocate.id).toBe(user.id);
    const started = Date.now();
    const deactivated = await scim.send('PATCH', `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(deactivated.status).toBe(200);
    await until(async () => (await getMeta(bg.db, 'enrollment')) === undefined, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    const { accessEnded } = await bg.state();
    expect(accessEnded).toMatchObject({ reason: 'deprovisioned', title: 'Your company ended your access to Relay' });
    expect(accessEnded!.message).toMatch(/^Your saved posts and share history were cleared from this browser\./);
    // No loop: the popup does not try again by itself.
    expect((await bg.state()).setup.silentSignIn).toBe(false);
    expect(await bg.workSignIn.silent('popup')).toBeNull();
  });
});

describe('zero-touch', () => {
  /** A profile already signed in at the IdP: the person signed in to another of the company's apps in a tab (here Relay's console). */
  async function withIdpSession(): Promise<FakeIdentity> {
    const identity = new FakeIdentity();
    await consoleSignIn(identity.browser, server.url, { credentials: ADA });
    return identity;
  }

  it('with an IdP session: enrolled on install with no page and no click, synced and live', async () => {
    const identity = await withIdpSession();
    const { bg, calls } = browserWith(identity);
    const logins = idp.logins.length;
    expect(await bg.workSignIn.silent('install')).toEqual({ ok: true });
    expect(identity.flows).toEqual([
      { url: expect.stringMatching(/\/v1\/sso\/start\?for=extension&redirect=.*&prompt=none$/), interactive: false },
    ]);
    expect(idp.logins.length).toBe(logins);
    expect(await getMeta(bg.db, 'enrollment')).toMatchObject({ via: 'sso', advocate: { name: 'Ada Lovelace' } });
    expect(await bg.db.content.count()).toBeGreaterThan(0);
    await until(() => bg.live.connected);
    expect(calls.notifications).toEqual([]);
  });

  it('without one: never a window; one notification per profile; retries at 5, 15 and 60 minutes, then not until start-up', async () => {
    const identity = new FakeIdentity();
    const { bg, calls } = browserWith(identity);
    const before = Date.now();
    expect(await bg.workSignIn.silent('install')).toMatchObject({ ok: false, kind: 'login-required' });
    expect(calls.notifications).toEqual([{ id: SIGN_IN_NOTIFICATION, title: 'Sign in to Relay' }]);
    for (const trigger of ['alarm', 'alarm', 'alarm'] as const)
      expect(await bg.workSignIn.silent(trigger)).toMatchObject({ kind: 'login-required' });
    const waits = calls.alarmsAt
      .filter((alarm) => alarm.name === SIGN_IN_ALARM)
      .map((alarm) => Math.round((alarm.when - before) / 60_000));
    expect(waits).toEqual([5, 15, 60]);
    // The popup's try schedules nothing and notifies nobody.
    expect(await bg.workSignIn.silent('popup')).toMatchObject({ kind: 'login-required' });
    expect(calls.alarmsAt).toHaveLength(3);
    // A start-up begins the backoff again; the notification stays the one already shown.
    expect(await bg.workSignIn.silent('startup')).toMatchObject({ kind: 'login-required' });
    expect(calls.alarmsAt).toHaveLength(4);
    expect(calls.notifications).toHaveLength(1);
    expect(identity.flows.every((flow) => !flow.interactive)).toBe(true);
    expect(identity.flows.every((flow) => flow.url.endsWith('&prompt=none'))).toBe(true);
    // The notification's click: the interactive flow, then the person signs in.
    identity.person = ADA;
    expect(await bg.workSignIn.interactive()).toEqual({ ok: true });
    expect(identity.flows.at(-1)!.interactive).toBe(true);
  });

  it('the notification is once per profile: a later sign-out and failure shows none', async () => {
    const identity = new FakeIdentity();
    const { bg, calls } = browserWith(identity);
    await bg.workSignIn.silent('install');
    identity.person = ADA;
    expect(await bg.workSignIn.interactive()).toEqual({ ok: true });
    await bg.signOut();
    identity.forgetSessions();
    expect(await bg.workSignIn.silent('startup')).toMatchObject({ kind: 'login-required' });
    expect(calls.notifications).toHaveLength(1);
  });

  it('applies only with the server set by policy and a mode allowing work accounts', async () => {
    const identity = await withIdpSession();
    expect(await browserWith(identity, { signIn: 'invite' }).bg.workSignIn.silent('install')).toBeNull();
    expect(await browserWith(identity, { serverUrl: null }).bg.workSignIn.silent('install')).toBeNull();
    expect(identity.flows).toEqual([]);
    expect(await ask(browserWith(identity, { signIn: 'invite' }).bg, 'signInWorkAccount', {})).toMatchObject({
      ok: false,
      kind: 'sso-off',
    });
  });

  it('"both": silently when the server offers work accounts; a server without them is no failure', async () => {
    const identity = await withIdpSession();
    expect(await browserWith(identity, { signIn: 'both' }).bg.workSignIn.silent('install')).toEqual({ ok: true });
    const plain = await startTestServer();
    try {
      const { bg, calls } = browserWith(identity, { serverUrl: plain.url, signIn: 'both' });
      identity.flows.length = 0;
      expect(await bg.workSignIn.silent('install')).toBeNull();
      expect(identity.flows).toEqual([]);
      expect(calls.alarms).toEqual([]);
      expect(calls.notifications).toEqual([]);
    } finally {
      await plain.stop();
    }
  });

  it('after an admin removed the advocate: no retry when the popup opens; start-up and the backoff still try', async () => {
    const identity = new FakeIdentity();
    identity.person = newPerson();
    const { bg, calls } = browserWith(identity);
    expect(await bg.workSignIn.interactive()).toEqual({ ok: true });
    identity.person = null;
    const { advocate } = (await getMeta(bg.db, 'enrollment'))!;
    await removeAdvocate(advocate.id);
    await until(async () => (await getMeta(bg.db, 'accessEnded'))?.reason === 'revoked');
    const flows = identity.flows.length;
    expect(await bg.workSignIn.silent('popup')).toBeNull();
    expect(await bg.workSignIn.silent('install')).toBeNull();
    expect(identity.flows.length).toBe(flows);
    expect((await bg.state()).setup.silentSignIn).toBe(false);
    expect(await bg.workSignIn.silent('startup')).toMatchObject({ ok: false, kind: 'access-removed' });
    expect(calls.alarms).toEqual([SIGN_IN_ALARM]);
    expect(calls.notifications).toEqual([]);
    // The notice stays for the setup screen.
    expect((await bg.state()).accessEnded?.reason).toBe('revoked');
  });

  it('one attempt at a time: a silent try while another runs is skipped', async () => {
    const identity = await withIdpSession();
    const { bg } = browserWith(identity);
    const [first, second] = await Promise.all([bg.workSignIn.silent('install'), bg.workSignIn.silent('startup')]);
    expect(first).toEqual({ ok: true });
    expect(second).toBeNull();
    expect(identity.flows).toHaveLength(1);
  });
});
