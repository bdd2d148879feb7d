/**
 * An email the provider says it did not verify (`email_verified: false`) links nobody: not a
 * SCIM-provisioned advocate by userName or email, not an existing admin, and it is not kept, so a
 * later SCIM POST of the person who owns it does not take the impostor's advocate for theirs. A
 * verified one links as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAdmin } from '../../server/admins';
import { newId } from '../../server/crypto';
import { startTestIdp, type IdpUser, type TestIdp } from '../helpers/oidc-provider';
import type { TestServer } from '../helpers/server';
import { CHROME_ORIGIN, CHROME_REDIRECT, startSsoServer } from '../helpers/sso';
import { createScimToken, scimClient, USER_SCHEMA } from '../helpers/scim';
import { consoleSignIn, exchangeCode, extensionSignIn, SsoBrowser } from '../helpers/sso-client';

function person(username: string, email: string, extra: Partial<IdpUser> = {}): IdpUser {
  return { sub: `u-${username}`, username, password: `${username}-password`, name: username, email, ...extra };
}

describe('sign-in with an email the provider did not verify', () => {
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

  async function signIn(user: IdpUser): Promise<{ id: string; email: string | null }> {
    const end = await extensionSignIn(new SsoBrowser(), server.url, {
      redirect: CHROME_REDIRECT,
      credentials: { username: user.username, password: user.password },
    });
    const response = await exchangeCode(server.url, end.searchParams.get('code') ?? '', CHROME_ORIGIN);
    expect(response.status, end.href).toBe(201);
    return ((await response.json()) as { advocate: { id: string; email: string | null } }).advocate;
  }

  /** A SCIM-provisioned advocate who has not signed in yet. */
  async function provisioned(userName: string, email: string): Promise<string> {
    const id = newId();
    const now = server.clock.now;
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
        user_name: userName,
        email,
      })
      .execute();
    return id;
  }

  const subjectOf = async (id: string) =>
    (await server.deps.db.selectFrom('advocates').select('subject').where('id', '=', id).executeTakeFirstOrThrow())
      .subject;

  it('links no provisioned advocate by userName or email, makes a new one without the email', async () => {
    const byUserName = await provisioned('CEO@Example.com', 'ceo.private@example.org');
    const byEmail = await provisioned('cfo@corp.example', 'CFO@Example.com');
    for (const [user, target] of [
      [person('mallory', 'ceo@example.com', { emailVerified: false }), byUserName],
      [person('trudy', 'cfo@example.com', { emailVerified: false }), byEmail],
    ] as const) {
      idp.addUser(user);
      const advocate = await signIn(user);
      expect(advocate.id, user.username).not.toBe(target);
      expect(advocate.email).toBeNull();
      expect(await subjectOf(target), user.username).toBeNull();
      expect(await subjectOf(advocate.id)).toBe(user.sub);
    }
  });

  it("is not kept, so provisioning the email's owner later makes their own advocate", async () => {
    const mallory = person('mallory2', 'cto@example.com', { emailVerified: false });
    idp.addUser(mallory);
    const impostor = await signIn(mallory);
    const scim = scimClient(server, (await createScimToken(server)).token);
    const owner = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      {
        schemas: [USER_SCHEMA],
        userName: 'cto@example.com',
        name: { formatted: 'The CTO' },
        emails: [{ value: 'cto@example.com', type: 'work', primary: true }],
        active: true,
      },
      201,
    );
    expect(owner.id).not.toBe(impostor.id);
    expect(await subjectOf(impostor.id)).toBe(mallory.sub);
    expect(await subjectOf(owner.id)).toBeNull();
  });

  it('still links by a verified email', async () => {
    const target = await provisioned('dana@example.com', 'dana@example.com');
    const dana = person('dana', 'Dana@Example.com');
    idp.addUser(dana);
    expect((await signIn(dana)).id).toBe(target);
    expect(await subjectOf(target)).toBe(dana.sub);
  });

  it('links no existing admin by it: the console sign-in fails and the admin stays unlinked', async () => {
    await addAdmin(server.deps.db, 'boss@example.com', 'boss password 123');
    const impostor = person('eve', 'boss@example.com', { emailVerified: false, groups: ['relay-admins'] });
    idp.addUser(impostor);
    const browser = new SsoBrowser();
    const end = await consoleSignIn(browser, server.url, {
      credentials: { username: impostor.username, password: impostor.password },
    });
    expect(end.href).toBe(`${server.url}/admin/?sso-error=failed`);
    expect(browser.cookie(server.url + '/v1/admin/session', 'relay_admin')).toBeUndefined();
    const admins = await server.deps.db
      .selectFrom('admins')
      .select(['subject'])
      .where('email', '=', 'boss@example.com')
      .execute();
    expect(admins).toEqual([{ subject: null }]);
    // Verified, the same email links the admin.
    idp.updateUser(impostor.sub, { emailVerified: true });
    expect((await consoleSignIn(new SsoBrowser(), server.url, { credentials: impostor })).href).toBe(
      `${server.url}/admin/`,
    );
    const linked = await server.deps.db
      .selectFrom('admins')
      .select('subject')
      .where('email', '=', 'boss@example.com')
      .executeTakeFirstOrThrow();
    expect(linked.subject).toBe(impostor.sub);
  });
});
