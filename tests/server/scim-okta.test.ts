/** Okta's provisioning requests, replayed as its SCIM 2.0 protocol reference shows them, and paging as Okta imports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAdvocate } from '../../lib/console-schemas';
import {
  createScimToken,
  expectScimError,
  GROUP_SCHEMA,
  LIST_RESPONSE,
  PATCH_OP,
  scimClient,
  USER_SCHEMA,
  type ScimClient,
} from '../helpers/scim';
import { startTestServer, type TestServer } from '../helpers/server';

type Json = Record<string, unknown>;
const filter = (expression: string) => encodeURIComponent(expression);

// Source: Okta developer docs, "SCIM 2.0 Protocol Reference" (Okta and SCIM Version 2.0).
describe('Okta provisioning', () => {
  let server: TestServer;
  let scim: ScimClient;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
    scim = scimClient(server, (await createScimToken(server, 'Okta')).token);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const access = async (id: string) =>
    (
      (await (await server.call('/v1/admin/advocates', { token: admin })).json()) as { items: AdminAdvocate[] }
    ).items.find((item) => item.id === id)?.access;
  const patch = (path: string, ...Operations: Json[]) => scim.send('PATCH', path, { schemas: [PATCH_OP], Operations });

  const oktaUser = (userName: string, overrides: Json = {}): Json => ({
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: 'Test User',
    locale: 'en-US',
    externalId: '00ujl29u0le5T6Aj10h7',
    groups: [],
    password: '1mz050nq',
    active: true,
    ...overrides,
  });

  it('passes the connection test, finds no user, creates one and never returns the password', async () => {
    const test = await scim.json<Json>('GET', '/Users?startIndex=1&count=2', undefined, 200);
    expect(test).toMatchObject({ schemas: [LIST_RESPONSE], startIndex: 1, Resources: [] });
    for (const key of ['itemsPerPage', 'startIndex', 'totalResults']) expect(typeof test[key], key).toBe('number');

    const query = `/Users?filter=${filter('userName eq "test.user@okta.local"')}&startIndex=1&count=100`;
    expect(await scim.json('GET', query, undefined, 200)).toMatchObject({ totalResults: 0, Resources: [] });
    const response = await scim.send('POST', '/Users', oktaUser('test.user@okta.local'));
    const text = await response.text();
    expect(response.status, text).toBe(201);
    expect(text).not.toContain('1mz050nq');
    const created = JSON.parse(text) as Json & { id: string };
    expect(created).toMatchObject({
      userName: 'test.user@okta.local',
      displayName: 'Test User',
      externalId: '00ujl29u0le5T6Aj10h7',
      active: true,
      emails: [{ value: 'test.user@okta.local', primary: true }],
    });
    expect((await scim.json<{ totalResults: number }>('GET', query, undefined, 200)).totalResults).toBe(1);
    expect(await access(created.id)).toBe('active');
  });

  it('replaces a user with PUT (what it leaves out stays), and deactivates and reactivates with PATCH', async () => {
    const { id } = await scim.json<{ id: string }>('POST', '/Users', oktaUser('put.user@okta.local'), 201);
    const got = await scim.json<Json>('GET', `/Users/${id}`, undefined, 200);
    const replaced = await scim.json<Json>(
      'PUT',
      `/Users/${id}`,
      {
        ...oktaUser('put.user@okta.local'),
        id,
        name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' },
        displayName: undefined,
        externalId: undefined,
        meta: got.meta,
      },
      200,
    );
    expect(replaced).toMatchObject({ id, name: { formatted: 'Another User' }, externalId: '00ujl29u0le5T6Aj10h7' });
    const row = await server.deps.db.selectFrom('advocates').select('name').where('id', '=', id).executeTakeFirst();
    expect(row?.name).toBe('Another User');

    const off = await patch(`/Users/${id}`, { op: 'replace', value: { active: false } });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ id, active: false });
    expect(await access(id)).toBe('deprovisioned');
    const on = await patch(`/Users/${id}`, { op: 'replace', value: { active: true } });
    expect(await on.json()).toMatchObject({ active: true });
    expect(await access(id)).toBe('active');

    // Integrations made with the App Integration Wizard deactivate with PUT and active: false.
    const put = await scim.json<Json>(
      'PUT',
      `/Users/${id}`,
      { ...oktaUser('put.user@okta.local'), active: false },
      200,
    );
    expect(put).toMatchObject({ active: false });
    expect(await access(id)).toBe('deprovisioned');
    await expectScimError(await scim.send('PUT', '/Users/unknown-id', oktaUser('x@okta.local')), 404);
  });

  it('pushes a group: create, rename (with the id in the value), members removed and added, replaced, PUT, delete', async () => {
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map(
        async (name) => (await scim.json<{ id: string }>('POST', '/Users', oktaUser(`${name}@okta.local`), 201)).id,
      ),
    );
    const created = await scim.json<{ id: string }>(
      'POST',
      '/Groups',
      { schemas: [GROUP_SCHEMA], displayName: 'Test SCIMv2', members: [{ value: a, display: 'a@okta.local' }] },
      201,
    );
    const group = `/Groups/${created.id}`;
    const members = async () =>
      ((await scim.json<{ members?: { value: string }[] }>('GET', group, undefined, 200)).members ?? [])
        .map((member) => member.value)
        .sort();
    expect(await members()).toEqual([a]);

    const rename = await patch(group, { op: 'replace', value: { id: created.id, displayName: 'Test SCIMv20' } });
    expect(rename.status).toBe(204);
    expect(await scim.json('GET', group, undefined, 200)).toMatchObject({ displayName: 'Test SCIMv20' });

    const change = await patch(
      group,
      { op: 'remove', path: `members[value eq "${a}"]` },
      { op: 'add', path: 'members', value: [{ value: b, display: 'b@okta.local' }] },
    );
    expect(change.status).toBe(204);
    expect(await members()).toEqual([b]);

    const replace = await patch(group, {
      op: 'replace',
      path: 'members',
      value: [
        { value: a, display: 'a@okta.local' },
        { value: c, display: 'c@okta.local' },
      ],
    });
    expect(replace.status).toBe(204);
    expect(await members()).toEqual([a, c].sort());

    const put = await scim.json<Json>(
      'PUT',
      group,
      { schemas: [GROUP_SCHEMA], id: created.id, displayName: 'Test SCIMv2 renamed', members: [{ value: b }] },
      200,
    );
    expect(put).toMatchObject({ displayName: 'Test SCIMv2 renamed', members: [{ value: b }] });

    const listed = await scim.json<{ Resources: Json[] }>('GET', '/Groups?startIndex=1&count=100', undefined, 200);
    expect(listed.Resources.map((each) => each.id)).toContain(created.id);
    expect((await scim.send('DELETE', group)).status).toBe(204);
    expect((await scim.json<{ Resources: Json[] }>('GET', '/Groups', undefined, 200)).Resources).toEqual([]);
  });

  it('pages through users as Okta imports them: stable order, integers, startIndex and count honoured', async () => {
    const fresh = await startTestServer();
    try {
      const client = scimClient(fresh, (await createScimToken(fresh)).token);
      const ids: string[] = [];
      for (let i = 1; i <= 5; i++) {
        ids.push((await client.json<{ id: string }>('POST', '/Users', oktaUser(`page${i}@okta.local`), 201)).id);
      }
      // One order for every request (created, then id): the whole list, then pages of it.
      const whole = await client.json<{ Resources: { id: string }[] }>('GET', '/Users', undefined, 200);
      const order = whole.Resources.map((user) => user.id);
      expect([...order].sort()).toEqual([...ids].sort());
      const page = await client.json<Json & { Resources: { id: string }[] }>(
        'GET',
        '/Users?startIndex=3&count=2',
        undefined,
        200,
      );
      expect(page).toMatchObject({ totalResults: 5, startIndex: 3, itemsPerPage: 2 });
      expect(page.Resources.map((user) => user.id)).toEqual(order.slice(2, 4));
      const all: string[] = [];
      for (let start = 1; start <= 5; start += 2) {
        const each = await client.json<{ Resources: { id: string }[] }>(
          'GET',
          `/Users?startIndex=${start}&count=2`,
          undefined,
          200,
        );
        all.push(...each.Resources.map((user) => user.id));
      }
      expect(all).toEqual(order);
      // A filtered list pages the same way; count=0 gives the total alone; count is capped at 200.
      const filtered = await client.json<Json & { Resources: { id: string }[] }>(
        'GET',
        `/Users?filter=${filter('userName sw "page"')}&startIndex=2&count=2`,
        undefined,
        200,
      );
      expect(filtered).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
      expect(filtered.Resources.map((user) => user.id)).toEqual(order.slice(1, 3));
      expect(await client.json('GET', '/Users?count=0', undefined, 200)).toMatchObject({
        totalResults: 5,
        itemsPerPage: 0,
        Resources: [],
      });
      expect(await client.json('GET', '/Users?count=1000', undefined, 200)).toMatchObject({ itemsPerPage: 5 });
      await expectScimError(await client.send('GET', '/Users?count=many'), 400, 'invalidValue');
    } finally {
      await fresh.stop();
    }
  });
});
