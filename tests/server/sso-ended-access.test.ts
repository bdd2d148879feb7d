/**
 * Access the company ended is not undone by signing in again with the work account: an advocate
 * erased in the console, or deleted by SCIM (keeping their history, or erasing them), is refused
 * (access-removed) on the login page and silently (prompt=none), and no new advocate is made; only
 * the hash of their subject is kept. Provisioning the person again over SCIM lets them back in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/crypto';
import { startTestIdp, type IdpUser, type TestIdp } from '../helpers/oidc-provider';
import { createScimToken, scimClient, USER_SCHEMA, type ScimClient } from '../helpers/scim';
import type { TestServer } from '../helpers/server';
import { ADA, CHROME_ORIGIN, CHROME_REDIRECT, startSsoServer } from '../helpers/sso';
import { consoleSignIn, exchangeCode, extensionSignIn, SsoBrowser, type IdpCredentials } from '../helpers/sso-client';

function person(username: string): IdpUser & { credentials: IdpCredentials } {
  return {
    sub: `u-${username}`,
    username,
    password: `${username}-password`,
    name: username[0]!.toUpperCase() + username.slice(1),
    email: `${username}@example.com`,
    credentials: { username, password: `${username}-password` },
  };
}

describe('sign-in after the company ended the access', () => {
  let idp: TestIdp;
  let server: TestServer;
  let scim: ScimClient;
  let admin: string;

  beforeAll(async () => {
    idp = await startTestIdp();
    server = await startSsoServer(idp);
    admin = await server.adminToken();
    scim = scimClient(server, (await createScimToken(server)).token);
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.close();
  });

  /** The extension's sign-in: the advocate's id when it ends with a code (exchanged), else the error type. */
  async function signIn(browser: SsoBrowser, credentials?: IdpCredentials, prompt?: 'none') {
    const end = await extensionSignIn(browser, server.url, { redirect: CHROME_REDIRECT, credentials, prompt });
    const code = end.searchParams.get('code');
    if (code === null) return { error: end.searchParams.get('error') };
    const response = await exchangeCode(server.url, code, CHROME_ORIGIN);
    expect(response.status, await response.clone().text()).toBe(201);
    return { id: ((await response.json()) as { advocate: { id: string } }).advocate.id };
  }

  const advocatesWith = (subject: string) =>
    server.deps.db.selectFrom('advocates').select('id').where('subject', '=', subject).execute();
  const ended = () => server.deps.db.selectFrom('ended_identities').selectAll().execute();

  it('refuses someone erased in the console, on the login page and silently, and makes no new advocate', async () => {
    const ida = person('ida');
    idp.addUser(ida);
    const browser = new SsoBrowser();
    const first = await signIn(browser, ida.credentials);
    expect(first.id).toEqual(expect.any(String));
    const erased = await server.call(`/v1/admin/advocates/${first.id}?erase=true`, { method: 'DELETE', token: admin });
    expect(erased.status).toBe(204);
    // Zero-touch: the provider session signs her in silently, and Relay refuses.
    expect(await signIn(browser, undefined, 'none')).toEqual({ error: 'access-removed' });
    expect(await signIn(new SsoBrowser(), ida.credentials)).toEqual({ error: 'access-removed' });
    expect(await advocatesWith(ida.sub)).toEqual([]);
    // Only the hash of the subject is kept.
    const rows = await ended();
    expect(rows).toContainEqual({ subject_hash: hashToken(ida.sub), reason: 'erased', ended_at: expect.any(Number) });
    expect(JSON.stringify(rows)).not.toContain(ida.sub);
  });

  /** A person provisioned over SCIM (externalId their subject, as Okta sends it) who signed in once. */
  async function provisionedAndSignedIn(user: IdpUser & { credentials: IdpCredentials }) {
    idp.addUser(user);
    const scimUser = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      { schemas: [USER_SCHEMA], userName: user.email, externalId: user.sub, name: { formatted: user.name } },
      201,
    );
    const browser = new SsoBrowser();
    expect(await signIn(browser, user.credentials)).toEqual({ id: scimUser.id });
    return { id: scimUser.id, browser };
  }

  it('refuses someone a SCIM DELETE forgot (history kept), and lets them in once SCIM provisions them again', async () => {
    const joan = person('joan');
    const { id, browser } = await provisionedAndSignedIn(joan);
    expect((await scim.send('DELETE', `/Users/${id}`)).status).toBe(204);
    expect(await signIn(browser, undefined, 'none')).toEqual({ error: 'access-removed' });
    expect(await signIn(new SsoBrowser(), joan.credentials)).toEqual({ error: 'access-removed' });
    expect(await advocatesWith(joan.sub)).toEqual([]);
    expect(await ended()).toContainEqual(expect.objectContaining({ subject_hash: hashToken(joan.sub) }));

    // The company provisions her again: the sign-in links the new SCIM advocate, and the block goes.
    const again = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      { schemas: [USER_SCHEMA], userName: joan.email, name: { formatted: joan.name } },
      201,
    );
    expect(again.id).not.toBe(id);
    expect(await signIn(browser, undefined, 'none')).toEqual({ id: again.id });
    expect(await advocatesWith(joan.sub)).toEqual([{ id: again.id }]);
    expect(await ended()).not.toContainEqual(expect.objectContaining({ subject_hash: hashToken(joan.sub) }));
  });

  it('refuses someone a SCIM DELETE erased, and someone forgotten before they ever signed in (by externalId)', async () => {
    const put = await server.call('/v1/admin/provisioning', {
      method: 'PUT',
      json: { onDelete: 'erase' },
      token: admin,
    });
    expect(put.status).toBe(200);
    const kay = person('kay');
    try {
      const { id, browser } = await provisionedAndSignedIn(kay);
      expect((await scim.send('DELETE', `/Users/${id}`)).status).toBe(204);
      expect(await signIn(browser, undefined, 'none')).toEqual({ error: 'access-removed' });
    } finally {
      await server.call('/v1/admin/provisioning', { method: 'PUT', json: { onDelete: 'keep' }, token: admin });
    }
    const lin = person('lin');
    idp.addUser(lin);
    const never = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      { schemas: [USER_SCHEMA], userName: 'lin.other@corp.example', externalId: lin.sub, name: { formatted: 'Lin' } },
      201,
    );
    expect((await scim.send('DELETE', `/Users/${never.id}`)).status).toBe(204);
    expect(await signIn(new SsoBrowser(), lin.credentials)).toEqual({ error: 'access-removed' });
    expect(await advocatesWith(lin.sub)).toEqual([]);
  });

  it('still makes a new advocate for someone whose access never ended', async () => {
    const max = person('max');
    idp.addUser(max);
    expect(await signIn(new SsoBrowser(), max.credentials)).toEqual({ id: expect.any(String) });
    expect(await advocatesWith(max.sub)).toHaveLength(1);
  });

  it('leaves the console to RELAY_OIDC_ADMIN_GROUP: an admin whose advocate was erased still signs in there', async () => {
    const browser = new SsoBrowser();
    const { id } = await signIn(browser, ADA);
    expect((await server.call(`/v1/admin/advocates/${id}?erase=true`, { method: 'DELETE', token: admin })).status).toBe(
      204,
    );
    expect(await signIn(browser, undefined, 'none')).toEqual({ error: 'access-removed' });
    expect((await consoleSignIn(browser, server.url, { prompt: 'none' })).href).toBe(`${server.url}/admin/`);
  });
});
