/**
 * The extension signing in with the identity provider (a real OpenID provider on loopback), as
 * browser.identity.launchWebAuthFlow does it: /v1/sso/start with its chromiumapp.org redirect, the
 * provider's login page (or its session, silently), a one-time code at the redirect, the exchange
 * for a token. The same person reaches the same advocate from every browser; name, email, team and
 * groups come from the provider; the company's removals hold; SCIM-provisioned advocates are linked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../lib/schemas';
import { newId } from '../../server/crypto';
import { revokeToken } from '../../server/services/advocates';
import { createContent, expectProblem, sync } from '../helpers/api';
import { startTestIdp, type IdpUser, type TestIdp } from '../helpers/oidc-provider';
import type { TestServer } from '../helpers/server';
import { ADA, CHROME_ORIGIN, CHROME_REDIRECT, GRACE, startSsoServer } from '../helpers/sso';
import { exchangeCode, extensionSignIn, SsoBrowser, type IdpCredentials } from '../helpers/sso-client';

interface Exchanged {
  token: string;
  advocate: { id: string; name: string; email: string | null; team: string | null };
}

function user(name: string, extra: Partial<IdpUser> = {}): IdpUser & { credentials: IdpCredentials } {
  const username = name.toLowerCase();
  return {
    sub: `u-${username}`,
    username,
    password: `${username}-password`,
    name,
    email: `${username}@example.com`,
    groups: [],
    ...extra,
    credentials: { username, password: `${username}-password` },
  };
}

describe('extension sign-in with the identity provider', () => {
  let idp: TestIdp;
  let server: TestServer;

  beforeAll(async () => {
    idp = await startTestIdp();
    server = await startSsoServer(idp);
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.close();
  });

  /** Signs in through the login page (or the provider session) and exchanges the code as the Chrome extension. */
  async function signIn(browser: SsoBrowser, credentials?: IdpCredentials, prompt?: 'none'): Promise<Exchanged> {
    const end = await extensionSignIn(browser, server.url, { redirect: CHROME_REDIRECT, credentials, prompt });
    const code = end.searchParams.get('code');
    expect(code, end.href).toBeTruthy();
    const response = await exchangeCode(server.url, code!, CHROME_ORIGIN);
    const text = await response.text();
    expect(response.status, text).toBe(201);
    return JSON.parse(text) as Exchanged;
  }

  const advocateRow = (id: string) =>
    server.deps.db.selectFrom('advocates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('ends at the redirect with only a code, exchanged for a token that syncs, with name, email and team from the provider', async () => {
    const post = await createContent(server, { publish: true });
    const browser = new SsoBrowser();
    const end = await extensionSignIn(browser, server.url, { redirect: CHROME_REDIRECT, credentials: ADA });
    expect(end.origin + end.pathname).toBe(CHROME_REDIRECT.replace(/\/$/, '') + '/');
    expect([...end.searchParams.keys()]).toEqual(['code']);
    const response = await exchangeCode(server.url, end.searchParams.get('code')!, CHROME_ORIGIN);
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(CHROME_ORIGIN);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Exchanged;
    expect(body).toEqual({
      token: expect.stringMatching(/^rlv_/),
      advocate: { id: expect.any(String), name: 'Ada Lovelace', email: 'ada@example.com', team: 'Engineering' },
    });
    // No URL the browser went through holds the token.
    expect(browser.visited.some((url) => url.includes(body.token))).toBe(false);
    const { body: synced } = await sync(server, body.token);
    expect(synced.content.map((item) => item.id)).toContain(post.id);
    const me = await server.call('/v1/me', { token: body.token });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { advocate: unknown }).advocate).toEqual({
      id: body.advocate.id,
      name: 'Ada Lovelace',
      team: 'Engineering',
    });
    expect(await advocateRow(body.advocate.id)).toMatchObject({ subject: 'u-ada', email: 'ada@example.com' });
    const tokens = await server.deps.db
      .selectFrom('advocate_tokens')
      .select('via')
      .where('advocate_id', '=', body.advocate.id)
      .execute();
    expect(tokens).toEqual([{ via: 'sso' }]);
  });

  it('reaches the same advocate from a second browser: same id and tracked links, and both tokens work', async () => {
    await createContent(server, { publish: true });
    const first = await signIn(new SsoBrowser(), ADA);
    const second = await signIn(new SsoBrowser(), ADA);
    expect(second.advocate.id).toBe(first.advocate.id);
    expect(second.token).not.toBe(first.token);
    const links = (body: SyncResponse) => body.content.map((item) => [item.id, item.links]);
    const [a, b] = [(await sync(server, first.token)).body, (await sync(server, second.token)).body];
    expect(links(b)).toEqual(links(a));
    expect(a.content.length).toBeGreaterThan(0);
    const advocates = await server.deps.db
      .selectFrom('advocates')
      .select('id')
      .where('subject', '=', 'u-ada')
      .execute();
    expect(advocates).toHaveLength(1);
  });

  it('signs in silently with prompt=none while the provider has a session, and answers login-required without one', async () => {
    const browser = new SsoBrowser();
    const first = await signIn(browser, GRACE);
    const logins = idp.logins.length;
    const silent = await signIn(browser, undefined, 'none');
    expect(silent.advocate.id).toBe(first.advocate.id);
    expect(idp.logins.length).toBe(logins);
    const fresh = await extensionSignIn(new SsoBrowser(), server.url, { redirect: CHROME_REDIRECT, prompt: 'none' });
    expect(Object.fromEntries(fresh.searchParams)).toEqual({
      error: 'login-required',
      error_description: expect.stringMatching(/sign in/i),
    });
    idp.endSessions();
    const ended = await extensionSignIn(browser, server.url, { redirect: CHROME_REDIRECT, prompt: 'none' });
    expect(ended.searchParams.get('error')).toBe('login-required');
  });

  it('refreshes name, email, team and the provider groups at each sign-in (SCIM groups stay)', async () => {
    const linus = user('Linus', { groups: ['kernel', 'git'], department: 'Systems' });
    idp.addUser(linus);
    const { advocate } = await signIn(new SsoBrowser(), linus.credentials);
    const scimGroup = newId();
    const now = server.clock.now;
    await server.deps.db
      .insertInto('groups')
      .values({
        id: scimGroup,
        display_name: 'All staff',
        external_id: 'g-all',
        source: 'scim',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await server.deps.db
      .insertInto('group_members')
      .values({ group_id: scimGroup, advocate_id: advocate.id })
      .execute();
    const groupsOf = async () =>
      (
        await server.deps.db
          .selectFrom('group_members')
          .innerJoin('groups', 'groups.id', 'group_members.group_id')
          .select(['groups.display_name', 'groups.source'])
          .where('group_members.advocate_id', '=', advocate.id)
          .execute()
      )
        .map((row) => `${row.source}:${row.display_name}`)
        .sort();
    expect(await groupsOf()).toEqual(['idp:git', 'idp:kernel', 'scim:All staff']);

    idp.updateUser(linus.sub, {
      name: 'Linus T.',
      email: 'lt@example.com',
      department: 'Kernel',
      groups: ['git', 'rust'],
    });
    const again = await signIn(new SsoBrowser(), linus.credentials);
    expect(again.advocate).toEqual({ id: advocate.id, name: 'Linus T.', email: 'lt@example.com', team: 'Kernel' });
    expect(await groupsOf()).toEqual(['idp:git', 'idp:rust', 'scim:All staff']);
    // Another advocate in "git" shares the one 'idp' group.
    idp.addUser(user('Junio', { groups: ['git'] }));
    await signIn(new SsoBrowser(), { username: 'junio', password: 'junio-password' });
    const gits = await server.deps.db.selectFrom('groups').select('id').where('display_name', '=', 'git').execute();
    expect(gits).toHaveLength(1);
  });

  it('takes a code once: a second exchange, one after 60 s, or two at once answer 401 sso-code-invalid', async () => {
    const browser = new SsoBrowser();
    const code = async () =>
      (await extensionSignIn(browser, server.url, { redirect: CHROME_REDIRECT, credentials: GRACE })).searchParams.get(
        'code',
      )!;
    const once = await code();
    expect((await exchangeCode(server.url, once, CHROME_ORIGIN)).status).toBe(201);
    await expectProblem(await exchangeCode(server.url, once, CHROME_ORIGIN), 401, 'sso-code-invalid');

    const late = await code();
    await code(); // never exchanged
    server.clock.advance(61_000);
    await expectProblem(await exchangeCode(server.url, late, CHROME_ORIGIN), 401, 'sso-code-invalid');

    const raced = await code();
    // Codes never exchanged are swept when later ones are made.
    const expired = await server.deps.db
      .selectFrom('sso_codes')
      .select('code_hash')
      .where('expires_at', '<=', server.clock.now)
      .execute();
    expect(expired).toEqual([]);
    const answers = await Promise.all([1, 2, 3].map(() => exchangeCode(server.url, raced, CHROME_ORIGIN)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 401, 401]);
    await expectProblem(await exchangeCode(server.url, 'x'.repeat(43), CHROME_ORIGIN), 401, 'sso-code-invalid');
  });

  it('lets only the extension the code was sent to redeem it (its origin), never a web page', async () => {
    for (const origin of ['chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba', 'https://evil.example']) {
      const end = await extensionSignIn(new SsoBrowser(), server.url, {
        redirect: CHROME_REDIRECT,
        credentials: GRACE,
      });
      const code = end.searchParams.get('code')!;
      await expectProblem(await exchangeCode(server.url, code, origin), 401, 'sso-code-invalid');
      // Refused once, the code is gone for its own extension too.
      await expectProblem(await exchangeCode(server.url, code, CHROME_ORIGIN), 401, 'sso-code-invalid');
    }
  });

  it('lets back in an advocate who signed out or expired, with the same id and a working token', async () => {
    const hedy = user('Hedy');
    idp.addUser(hedy);
    const first = await signIn(new SsoBrowser(), hedy.credentials);
    // Signing out the only browser ends the access (signed-out).
    expect((await server.call('/v1/me/token', { method: 'DELETE', token: first.token })).status).toBe(204);
    expect(await advocateRow(first.advocate.id)).toMatchObject({ access_ended: 'signed-out' });
    const back = await signIn(new SsoBrowser(), hedy.credentials);
    expect(back.advocate.id).toBe(first.advocate.id);
    expect(await advocateRow(first.advocate.id)).toMatchObject({ access_ended: null, access_ended_at: null });
    expect((await server.call('/v1/me', { token: back.token })).status).toBe(200);
    await revokeToken(server.deps, first.advocate.id, 'expired');
    expect((await server.call('/v1/me', { token: back.token })).status).toBe(401);
    const again = await signIn(new SsoBrowser(), hedy.credentials);
    expect(again.advocate.id).toBe(first.advocate.id);
    expect((await server.call('/v1/me', { token: again.token })).status).toBe(200);
  });

  it('refuses an advocate the company removed or deprovisioned (access-removed), at sign-in and at the exchange', async () => {
    const admin = await server.adminToken();
    for (const [name, end] of [
      [
        'Removed',
        (id: string) => server.call(`/v1/admin/advocates/${id}?erase=false`, { method: 'DELETE', token: admin }),
      ],
      ['Deprovisioned', (id: string) => revokeToken(server.deps, id, 'deprovisioned')],
    ] as const) {
      const person = user(name);
      idp.addUser(person);
      const { advocate, token } = await signIn(new SsoBrowser(), person.credentials);
      // A code made before the access ended is refused at the exchange.
      const pending = await extensionSignIn(new SsoBrowser(), server.url, {
        redirect: CHROME_REDIRECT,
        credentials: person.credentials,
      });
      await end(advocate.id);
      expect((await server.call('/v1/me', { token })).status, name).toBe(401);
      const late = await exchangeCode(server.url, pending.searchParams.get('code')!, CHROME_ORIGIN);
      await expectProblem(late, 403, 'access-removed');
      const refused = await extensionSignIn(new SsoBrowser(), server.url, {
        redirect: CHROME_REDIRECT,
        credentials: person.credentials,
      });
      expect(Object.fromEntries(refused.searchParams), name).toEqual({
        error: 'access-removed',
        error_description: expect.any(String),
      });
      const tokens = await server.deps.db
        .selectFrom('advocate_tokens')
        .select('token_hash')
        .where('advocate_id', '=', advocate.id)
        .execute();
      expect(tokens, name).toEqual([]);
    }
  });

  it('links a SCIM-provisioned advocate (by externalId, or by userName/email in any case) instead of making another', async () => {
    const now = server.clock.now;
    const provisioned = async (values: { user_name: string; external_id: string | null; email: string | null }) => {
      const id = newId();
      await server.deps.db
        .insertInto('advocates')
        .values({
          id,
          name: 'Provisioned',
          ref: id.slice(0, 10),
          token_hash: `none:${id}`,
          invite_id: null,
          created_at: now,
          last_sync_at: null,
          provisioned_at: now,
          ...values,
        })
        .execute();
      return id;
    };
    const byUserName = await provisioned({ user_name: 'Barbara@Example.com', external_id: null, email: null });
    const byExternalId = await provisioned({ user_name: 'kb@corp.example', external_id: 'u-ken', email: null });
    idp.addUser(user('Barbara'));
    idp.addUser(user('Ken'));
    const barbara = await signIn(new SsoBrowser(), { username: 'barbara', password: 'barbara-password' });
    const ken = await signIn(new SsoBrowser(), { username: 'ken', password: 'ken-password' });
    expect(barbara.advocate).toMatchObject({ id: byUserName, name: 'Barbara', email: 'barbara@example.com' });
    expect(ken.advocate).toMatchObject({ id: byExternalId, name: 'Ken' });
    expect(await advocateRow(byUserName)).toMatchObject({ subject: 'u-barbara', user_name: 'Barbara@Example.com' });
    expect(await advocateRow(byExternalId)).toMatchObject({ subject: 'u-ken' });
    const emails = await server.deps.db
      .selectFrom('advocates')
      .select('id')
      .where('subject', 'in', ['u-barbara', 'u-ken'])
      .execute();
    expect(emails).toHaveLength(2);
  });
});
