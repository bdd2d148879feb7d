/** Deprovisioning over SCIM end to end: stream closed within 5 s, token refused, history kept or erased as chosen. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAdvocate, Analytics } from '../../lib/console-schemas';
import { issueAdvocateToken } from '../../server/services/advocate-tokens';
import { createContent, expectProblem } from '../helpers/api';
import { createScimToken, ENTERPRISE, PATCH_OP, scimClient, USER_SCHEMA, type ScimClient } from '../helpers/scim';
import { startTestServer, type TestServer } from '../helpers/server';
import { StreamClient } from '../helpers/stream-client';

describe('deprovisioning over SCIM', () => {
  let server: TestServer;
  let scim: ScimClient;
  let admin: string;
  let contentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
    scim = scimClient(server, (await createScimToken(server)).token);
    contentId = (await createContent(server, { title: 'Launch', publish: true })).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** A provisioned employee who signed in on one browser, shared once and has the live stream open. */
  async function signedInEmployee(userName: string) {
    const user = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      {
        schemas: [USER_SCHEMA, ENTERPRISE],
        userName,
        name: { givenName: 'Dee', familyName: userName.split('@')[0] },
        emails: [{ value: userName, type: 'work', primary: true }],
        active: true,
        [ENTERPRISE]: { department: 'Sales' },
      },
      201,
    );
    // What a work-account sign-in issues (the SSO exchange): a token for this advocate.
    const token = await issueAdvocateToken(server.deps.db, user.id, 'sso', server.clock.now);
    const shared = await server.call('/v1/shares', {
      method: 'POST',
      token,
      json: {
        events: [
          { id: randomUUID(), contentId, network: 'linkedin', sharedAt: new Date(server.clock.now).toISOString() },
        ],
      },
    });
    expect(shared.status, await shared.clone().text()).toBe(200);
    const stream = await StreamClient.connect(server.url, token);
    await stream.waitFor((messages) => messages.length >= 1);
    return { id: user.id, token, stream };
  }

  const listed = async (id: string) =>
    (
      (await (await server.call('/v1/admin/advocates', { token: admin })).json()) as { items: AdminAdvocate[] }
    ).items.find((item) => item.id === id);
  const sharesOf = async (id: string) => {
    const analytics = (await (await server.call('/v1/admin/analytics', { token: admin })).json()) as Analytics;
    return analytics.perAdvocate.find((row) => row.advocateId === id)?.shares ?? 0;
  };
  const deactivate = (id: string, Operations: unknown[]) =>
    scim.send('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations });

  it('Entra ID’s "False": the stream closes within 5 s, the token is refused, the history stays', async () => {
    const dee = await signedInEmployee('dee@contoso.com');
    expect(await sharesOf(dee.id)).toBe(1);
    expect((await server.call('/v1/sync', { token: dee.token })).status).toBe(200);

    const started = Date.now();
    const response = await deactivate(dee.id, [{ op: 'Replace', path: 'active', value: 'False' }]);
    expect(response.status).toBe(200);
    expect(await dee.stream.closed(5_000)).toBe(4401);
    expect(Date.now() - started).toBeLessThan(5_000);

    const refused = await expectProblem(await server.call('/v1/sync', { token: dee.token }), 401, 'token-revoked');
    expect(refused.detail).toMatch(/company ended your access/);
    expect(await sharesOf(dee.id)).toBe(1);
    expect(await listed(dee.id)).toMatchObject({ access: 'deprovisioned', accessEndedAt: expect.any(String) });
    const tokens = await server.deps.db
      .selectFrom('advocate_tokens')
      .select('token_hash')
      .where('advocate_id', '=', dee.id)
      .execute();
    expect(tokens).toEqual([]);
    // A new stream with the old token is refused before the handshake.
    await expect(StreamClient.connect(server.url, dee.token)).rejects.toMatchObject({ status: 401 });

    // Reactivated, they are let back in (a new sign-in gives a new token); the old one stays dead.
    await deactivate(dee.id, [{ op: 'Replace', path: 'active', value: 'True' }]);
    expect(await listed(dee.id)).toMatchObject({ access: 'active', accessEndedAt: null });
    const again = await issueAdvocateToken(server.deps.db, dee.id, 'sso', server.clock.now);
    expect((await server.call('/v1/sync', { token: again })).status).toBe(200);
    expect((await server.call('/v1/sync', { token: dee.token })).status).toBe(401);
  });

  it('a department change moves them to that team on the leaderboard', async () => {
    const ivy = await signedInEmployee('ivy@contoso.com');
    await server.deps.scores.recompute([ivy.id]);
    const team = async (name: string) =>
      (
        (await (await server.call(`/v1/leaderboard?period=all&team=${name}`, { token: ivy.token })).json()) as {
          entries: { name: string }[];
        }
      ).entries.map((entry) => entry.name);
    expect(await team('Sales')).toContain('Dee ivy');
    const moved = await deactivate(ivy.id, [{ op: 'replace', path: `${ENTERPRISE}:department`, value: 'Research' }]);
    expect(moved.status).toBe(200);
    expect(await team('Research')).toContain('Dee ivy');
    expect(await team('Sales')).not.toContain('Dee ivy');
    ivy.stream.close();
  });

  it('Okta’s path-less deactivation closes the stream the same way', async () => {
    const eve = await signedInEmployee('eve@okta.example');
    expect((await deactivate(eve.id, [{ op: 'replace', value: { active: false } }])).status).toBe(200);
    expect(await eve.stream.closed(5_000)).toBe(4401);
    await expectProblem(await server.call('/v1/me', { token: eve.token }), 401, 'token-revoked');
  });

  it('a DELETE keeps the history by default: access ended, listed as deprovisioned, shares kept', async () => {
    const fay = await signedInEmployee('fay@contoso.com');
    expect((await scim.send('DELETE', `/Users/${fay.id}`)).status).toBe(204);
    expect(await fay.stream.closed(5_000)).toBe(4401);
    await expectProblem(await server.call('/v1/sync', { token: fay.token }), 401, 'token-revoked');
    expect(await listed(fay.id)).toMatchObject({ access: 'deprovisioned' });
    expect(await sharesOf(fay.id)).toBe(1);
    expect((await scim.send('GET', `/Users/${fay.id}`)).status).toBe(404);
  });

  it('with onDelete erase, a DELETE erases the advocate and their shares', async () => {
    const put = await server.call('/v1/admin/provisioning', {
      method: 'PUT',
      json: { onDelete: 'erase' },
      token: admin,
    });
    expect(put.status).toBe(200);
    try {
      const gus = await signedInEmployee('gus@contoso.com');
      const group = await scim.json<{ id: string }>(
        'POST',
        '/Groups',
        {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName: 'Erased team',
          members: [{ value: gus.id }],
        },
        201,
      );
      expect(await sharesOf(gus.id)).toBe(1);
      expect((await scim.send('DELETE', `/Users/${gus.id}`)).status).toBe(204);
      expect(await gus.stream.closed(5_000)).toBe(4401);
      await expectProblem(await server.call('/v1/sync', { token: gus.token }), 401, 'token-revoked');
      expect(await listed(gus.id)).toBeUndefined();
      expect(await sharesOf(gus.id)).toBe(0);
      const rows = await server.deps.db.selectFrom('shares').select('id').where('advocate_id', '=', gus.id).execute();
      expect(rows).toEqual([]);
      expect(await scim.json('GET', `/Groups/${group.id}`, undefined, 200)).toMatchObject({ members: [] });
    } finally {
      await server.call('/v1/admin/provisioning', { method: 'PUT', json: { onDelete: 'keep' }, token: admin });
    }
  });

  it('takes over an advocate who signed in with the identity provider before provisioning began', async () => {
    const id = `sso${randomUUID().slice(0, 8)}`;
    await server.deps.db
      .insertInto('advocates')
      .values({
        id,
        name: 'Hal Early',
        ref: randomUUID().slice(0, 10),
        token_hash: `none:${id}`,
        invite_id: null,
        created_at: server.clock.now,
        last_sync_at: null,
        subject: `sub-${id}`,
        email: 'Hal@Contoso.com',
      })
      .execute();
    const adopted = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      { schemas: [USER_SCHEMA], userName: 'hal@contoso.com', externalId: 'hal-1', name: { formatted: 'Hal Early' } },
      201,
    );
    expect(adopted.id).toBe(id);
    const row = await server.deps.db
      .selectFrom('advocates')
      .select(['user_name', 'external_id', 'provisioned_at', 'subject'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toMatchObject({ user_name: 'hal@contoso.com', external_id: 'hal-1', subject: `sub-${id}` });
    expect(row?.provisioned_at).toEqual(expect.any(Number));
  });

  it('takes over the one who signed in with their UPN as email when Entra ID sends it as userName beside another work email', async () => {
    const early = async (id: string, email: string, subject: string | null, createdAt: number) =>
      server.deps.db
        .insertInto('advocates')
        .values({
          id,
          name: 'Kim Early',
          ref: randomUUID().slice(0, 10),
          token_hash: `none:${id}`,
          invite_id: null,
          created_at: createdAt,
          last_sync_at: null,
          subject,
          email,
        })
        .execute();
    const suffix = randomUUID().slice(0, 8);
    // An older advocate with the work email and no subject (holds no sign-in) matches too: the one with a subject wins.
    await early(`old${suffix}`, 'kim.lee@contoso.co.uk', null, server.clock.now - 60_000);
    // RELAY_OIDC_EMAIL_CLAIM=preferred_username: their email is the UPN; they hold the token.
    const id = `upn${suffix}`;
    await early(id, 'Kim.Lee@contoso.onmicrosoft.com', `sub-${id}`, server.clock.now);
    const token = await issueAdvocateToken(server.deps.db, id, 'sso', server.clock.now);

    const adopted = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      {
        schemas: [USER_SCHEMA],
        userName: 'kim.lee@contoso.onmicrosoft.com',
        externalId: `kim-${suffix}`,
        name: { formatted: 'Kim Lee' },
        emails: [{ primary: true, type: 'work', value: 'kim.lee@contoso.co.uk' }],
        active: true,
      },
      201,
    );
    expect(adopted.id).toBe(id);
    expect((await server.call('/v1/sync', { token })).status).toBe(200);

    const response = await deactivate(id, [{ op: 'Replace', path: 'active', value: 'False' }]);
    expect(response.status).toBe(200);
    await expectProblem(await server.call('/v1/sync', { token }), 401, 'token-revoked');
    expect(await listed(id)).toMatchObject({ access: 'deprovisioned' });
  });
});
