/**
 * RELAY_INVITES=off: advocates enrol with their work account only. sign-in-options says so, POST
 * /v1/enroll and POST /v1/admin/invites answer 403 invites-off (even for a code made before),
 * invites made before can still be listed and revoked; the variable needs single sign-on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { createInvite } from '../../server/services/invites';
import { expectProblem } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const SSO = { RELAY_OIDC_ISSUER: 'https://idp.example.com', RELAY_OIDC_CLIENT_ID: 'relay' };

describe('RELAY_INVITES', () => {
  it('is on by default, reads on/off words and can be off only with single sign-on', () => {
    expect(loadConfig({}).invites).toBe(true);
    expect(loadConfig({ RELAY_INVITES: 'on' }).invites).toBe(true);
    expect(loadConfig({ ...SSO, RELAY_INVITES: 'off' }).invites).toBe(false);
    expect(() => loadConfig({ ...SSO, RELAY_INVITES: 'maybe' })).toThrow(/RELAY_INVITES must be on or off/);
    expect(() => loadConfig({ RELAY_INVITES: 'off' })).toThrow(ConfigError);
    expect(() => loadConfig({ RELAY_INVITES: 'off' })).toThrow(/RELAY_INVITES=off needs RELAY_OIDC_ISSUER/);
  });
});

describe('invite codes switched off', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer({ invites: false });
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('says invites: false in the sign-in options', async () => {
    const response = await server.call('/v1/sign-in-options');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ invites: false });
  });

  it('refuses to make an invite: 403 invites-off', async () => {
    const problem = await expectProblem(
      await server.call('/v1/admin/invites', { method: 'POST', json: {}, token: admin }),
      403,
      'invites-off',
    );
    expect(problem.detail).toMatch(/RELAY_INVITES=off/);
    expect(problem.detail).toMatch(/work account/);
  });

  it('refuses to enrol with a code made before it was switched off, and leaves the code unused', async () => {
    const { row, code } = await createInvite(server.deps.db, {
      createdBy: null,
      maxUses: 1,
      expiresAt: null,
      now: server.clock.now,
    });
    const problem = await expectProblem(
      await server.call('/v1/enroll', { method: 'POST', json: { code, name: 'Ivan Invited' } }),
      403,
      'invites-off',
    );
    expect(problem.detail).toMatch(/does not take invite codes/);
    expect(problem.detail).toMatch(/work account|IT team/);

    // The invites made before are still listed and can be revoked.
    const list = (await (await server.call('/v1/admin/invites', { token: admin })).json()) as {
      items: { id: string; uses: number }[];
    };
    expect(list.items).toContainEqual(expect.objectContaining({ id: row.id, uses: 0 }));
    const revoked = await server.call(`/v1/admin/invites/${row.id}`, { method: 'DELETE', token: admin });
    expect(revoked.status).toBe(200);
  });
});

describe('invite codes on (the default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('says invites: true and enrols', async () => {
    expect(await (await server.call('/v1/sign-in-options')).json()).toMatchObject({ invites: true });
    expect((await server.enroll('Olive On')).token).toMatch(/^rlv_/);
  });
});
