/**
 * An admin lets back in a work-account advocate they removed (POST /v1/admin/advocates/{id}/restore):
 * the next sign-in reaches the same advocate. Nothing else is restored: an invite-code advocate, one
 * the identity provider deprovisioned, one still active.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAdvocate } from '../../lib/console-schemas';
import { revokeToken } from '../../server/services/advocates';
import { expectProblem } from '../helpers/api';
import { startTestIdp, type IdpUser, type TestIdp } from '../helpers/oidc-provider';
import type { TestServer } from '../helpers/server';
import { CHROME_ORIGIN, CHROME_REDIRECT, startSsoServer } from '../helpers/sso';
import { exchangeCode, extensionSignIn, SsoBrowser } from '../helpers/sso-client';

describe('restoring a removed work-account advocate', () => {
  let idp: TestIdp;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    idp = await startTestIdp();
    server = await startSsoServer(idp);
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.close();
  });

  function person(name: string): IdpUser {
    const user = { sub: `u-${name}`, username: name, password: `${name}-password`, name, email: `${name}@example.com` };
    idp.addUser(user);
    return user;
  }

  /** Signs in from a fresh browser: the advocate's id, or the error the redirect carried. */
  async function signIn(user: IdpUser): Promise<{ id: string } | { error: string | null }> {
    const end = await extensionSignIn(new SsoBrowser(), server.url, {
      redirect: CHROME_REDIRECT,
      credentials: { username: user.username, password: user.password },
    });
    const code = end.searchParams.get('code');
    if (!code) return { error: end.searchParams.get('error') };
    const response = await exchangeCode(server.url, code, CHROME_ORIGIN);
    expect(response.status).toBe(201);
    return ((await response.json()) as { advocate: { id: string } }).advocate;
  }

  // With an empty JSON body, as the console sends it.
  const restore = (id: string) =>
    server.call(`/v1/admin/advocates/${id}/restore`, { method: 'POST', token: admin, json: {} });
  const remove = (id: string) =>
    server.call(`/v1/admin/advocates/${id}?erase=false`, { method: 'DELETE', token: admin });

  it('lets them sign in again as the same advocate', async () => {
    const rosa = person('rosa');
    const first = await signIn(rosa);
    if (!('id' in first)) throw new Error(`sign-in failed: ${first.error}`);
    expect((await remove(first.id)).status).toBe(200);
    expect(await signIn(rosa)).toEqual({ error: 'access-removed' });

    const restored = await restore(first.id);
    expect(restored.status).toBe(200);
    expect((await restored.json()) as AdminAdvocate).toMatchObject({
      id: first.id,
      access: 'active',
      accessEndedAt: null,
      workAccount: true,
      browsers: 0,
    });
    expect(await signIn(rosa)).toMatchObject({ id: first.id });
    // Once back, there is nothing left to restore.
    await expectProblem(await restore(first.id), 409, 'not-removed');
  });

  it('refuses an invite-code advocate (send a new invite), a deprovisioned one, and an unknown id', async () => {
    const ivy = await server.enroll('Ivy Invite');
    expect((await remove(ivy.id)).status).toBe(200);
    await expectProblem(await restore(ivy.id), 409, 'invite-advocate');

    const dora = await signIn(person('dora'));
    if (!('id' in dora)) throw new Error(`sign-in failed: ${dora.error}`);
    expect(await revokeToken(server.deps, dora.id, 'deprovisioned')).toBe(true);
    await expectProblem(await restore(dora.id), 409, 'deprovisioned');
    expect(await signIn(person('dora'))).toEqual({ error: 'access-removed' });

    await expectProblem(await restore('no-such-advocate'), 404, 'not-found');
  });
});
