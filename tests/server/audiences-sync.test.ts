import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimToken, scimClient, USER_SCHEMA } from '../helpers/scim';
import { startTestServer, type TestServer } from '../helpers/server';

const post = (title: string, audiences?: string[]) => ({
  title,
  url: `https://example.com/${encodeURIComponent(title)}`,
  variants: { linkedin: [`${title} {link}`] },
  publish: true,
  ...(audiences ? { audiences } : {}),
});

interface SyncBody {
  cursor: string;
  content: { id: string }[];
  removed: string[];
}

describe('audiences: groups, sync and shares', () => {
  let server: TestServer;
  let admin: string;
  let salesDe: { token: string; id: string };
  let engineer: { token: string; id: string };
  let sales = '';
  let engineering = '';

  const call = (path: string, init: { method?: string; json?: unknown } = {}) =>
    server.call(path, { ...init, token: admin });
  const sync = async (token: string, cursor?: string) => {
    const response = await server.call(`/v1/sync${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(response.status).toBe(200);
    return { body: (await response.json()) as SyncBody, etag: response.headers.get('etag')! };
  };
  const ids = (body: SyncBody) => body.content.map((item) => item.id);
  const create = async (title: string, audiences?: string[]) => {
    const response = await call('/v1/admin/content', { method: 'POST', json: post(title, audiences) });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { id: string; audiences: string[] };
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
    salesDe = await server.enroll('Sales Person');
    engineer = await server.enroll('Engineer');
    const made = await call('/v1/admin/groups', { method: 'POST', json: { name: 'Sales' } });
    expect(made.status).toBe(201);
    sales = ((await made.json()) as { id: string; name: string }).id;
    engineering = (
      (await (await call('/v1/admin/groups', { method: 'POST', json: { name: 'Engineering' } })).json()) as {
        id: string;
      }
    ).id;
    expect(
      (await call(`/v1/admin/groups/${sales}/members`, { method: 'PUT', json: { advocateIds: [salesDe.id] } })).status,
    ).toBe(200);
    await call(`/v1/admin/groups/${engineering}/members`, { method: 'PUT', json: { advocateIds: [engineer.id] } });
    expect((await call(`/v1/admin/advocates/${salesDe.id}`, { method: 'PATCH', json: { region: 'de' } })).status).toBe(
      200,
    );
    await call(`/v1/admin/advocates/${engineer.id}`, { method: 'PATCH', json: { region: 'DE' } });
  });
  afterAll(() => server.stop());

  it('groups: 201 {id, name}; 409 for a name in use case-insensitively; 422 for unknown advocates; 404', async () => {
    const again = await call('/v1/admin/groups', { method: 'POST', json: { name: 'sales' } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { type: string }).type).toMatch(/group-name-taken$/);
    const unknown = await call(`/v1/admin/groups/${sales}/members`, {
      method: 'PUT',
      json: { advocateIds: [salesDe.id, 'nobody-here'] },
    });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('nobody-here');
    expect((await call('/v1/admin/groups/missing', { method: 'PATCH', json: { name: 'X' } })).status).toBe(404);
    const renamed = await call(`/v1/admin/groups/${engineering}`, { method: 'PATCH', json: { name: 'Engineering' } });
    expect(await renamed.json()).toEqual({ id: engineering, name: 'Engineering' });
  });

  it('content: audiences are validated (unknown groups named, syntax), normalised and shown', async () => {
    const bad = await call('/v1/admin/content', { method: 'POST', json: post('Bad', ['no-such-group']) });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('no-such-group');
    const syntax = await call('/v1/admin/content', { method: 'POST', json: post('Bad', ['region:a b']) });
    expect(syntax.status).toBe(422);
    const item = await create('Normalised', [sales, 'region:de', 'language:DE']);
    expect(item.audiences).toEqual([sales, 'region:DE', 'language:de']);
    const patched = await call(`/v1/admin/content/${item.id}`, { method: 'PATCH', json: { title: 'Renamed' } });
    expect(((await patched.json()) as { audiences: string[] }).audiences).toEqual([sales, 'region:DE', 'language:de']);
    await call(`/v1/admin/content/${item.id}`, { method: 'DELETE' });
  });

  it('sync sends a post only to its audience: Sales in DE gets it, Engineering in DE never does', async () => {
    const everyone = await create('For everyone');
    const salesInDe = await create('Sales DE', [sales, 'region:DE']);
    const salesInFr = await create('Sales FR', [sales, 'region:FR']);
    const a = await sync(salesDe.token);
    const b = await sync(engineer.token);
    expect(ids(a.body)).toEqual(expect.arrayContaining([everyone.id, salesInDe.id]));
    expect(ids(a.body)).not.toContain(salesInFr.id);
    expect(ids(b.body)).toContain(everyone.id);
    expect(ids(b.body)).not.toContain(salesInDe.id);
    expect(ids(b.body)).not.toContain(salesInFr.id);
    // A delta after a new targeted post: the outsider's delta does not carry it.
    const later = await create('Sales later', [sales]);
    expect(ids((await sync(engineer.token, b.body.cursor)).body)).not.toContain(later.id);
    expect(ids((await sync(salesDe.token, a.body.cursor)).body)).toContain(later.id);
  });

  it("a membership change: the next sync (delta, past a 304's ETag) adds and removes posts", async () => {
    const forEngineering = await create('Eng only', [engineering]);
    const forSales = await create('Sales only', [sales]);
    const first = await sync(engineer.token);
    expect(ids(first.body)).toContain(forEngineering.id);
    expect(ids(first.body)).not.toContain(forSales.id);
    const current = await server.call(`/v1/sync?cursor=${encodeURIComponent(first.body.cursor)}`, {
      token: engineer.token,
      headers: { 'if-none-match': first.etag },
    });
    expect(current.status).toBe(304);
    // The engineer moves from Engineering to Sales.
    await call(`/v1/admin/groups/${engineering}/members`, { method: 'PUT', json: { advocateIds: [] } });
    await call(`/v1/admin/groups/${sales}/members`, {
      method: 'PUT',
      json: { advocateIds: [salesDe.id, engineer.id] },
    });
    const next = await server.call(`/v1/sync?cursor=${encodeURIComponent(first.body.cursor)}`, {
      token: engineer.token,
      headers: { 'if-none-match': first.etag },
    });
    expect(next.status).toBe(200);
    const delta = (await next.json()) as SyncBody;
    expect(ids(delta)).toContain(forSales.id);
    expect(delta.removed).toContain(forEngineering.id);
    // A region change alone moves the ETag too.
    const settled = await sync(engineer.token, delta.cursor);
    await call(`/v1/admin/advocates/${engineer.id}`, { method: 'PATCH', json: { region: 'FR' } });
    const moved = await server.call(`/v1/sync?cursor=${encodeURIComponent(settled.body.cursor)}`, {
      token: engineer.token,
      headers: { 'if-none-match': settled.etag },
    });
    expect(moved.status).toBe(200);
    const afterMove = (await moved.json()) as SyncBody;
    expect(afterMove.removed.length + afterMove.content.length).toBeGreaterThan(0);
  });

  it("a post's audience change: the next delta removes it from those now outside", async () => {
    const item = await create('Moving', [sales]);
    const before = await sync(salesDe.token);
    expect(ids(before.body)).toContain(item.id);
    expect(
      (await call(`/v1/admin/content/${item.id}`, { method: 'PATCH', json: { audiences: [engineering] } })).status,
    ).toBe(200);
    const after = await sync(salesDe.token, before.body.cursor);
    expect(after.body.removed).toContain(item.id);
    expect(ids(after.body)).not.toContain(item.id);
  });

  it('a share of a post outside the audience is refused as unknown content; inside it is taken', async () => {
    const item = await create('Share me', [sales, 'region:DE']);
    const share = (token: string) =>
      server.call('/v1/shares', {
        method: 'POST',
        token,
        json: {
          events: [
            {
              id: randomUUID(),
              contentId: item.id,
              network: 'linkedin',
              sharedAt: new Date(server.clock.now).toISOString(),
            },
          ],
        },
      });
    expect((await share(salesDe.token)).status).toBe(200);
    const outside = await server.enroll('Outsider');
    const refused = await share(outside.token);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('contentId');
  });

  it('SCIM and IdP groups: members are not set in the console (409 group-managed-by-idp), deleting a targeted group is 409', async () => {
    const now = Date.now();
    await server.deps.db
      .insertInto('groups')
      .values({
        id: 'scimgroup1',
        display_name: 'From Okta',
        external_id: null,
        source: 'scim',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await server.deps.db
      .insertInto('group_members')
      .values({ group_id: 'scimgroup1', advocate_id: engineer.id })
      .execute();
    const put = await call('/v1/admin/groups/scimgroup1/members', { method: 'PUT', json: { advocateIds: [] } });
    expect(put.status).toBe(409);
    expect(((await put.json()) as { type: string }).type).toMatch(/group-managed-by-idp$/);
    expect((await call('/v1/admin/groups/scimgroup1', { method: 'DELETE' })).status).toBe(409);
    // A SCIM group is an audience like any other.
    const item = await create('For Okta group', ['scimgroup1']);
    expect(ids((await sync(engineer.token)).body)).toContain(item.id);
    expect(ids((await sync(salesDe.token)).body)).not.toContain(item.id);
    const targeted = await call(`/v1/admin/groups/${sales}`, { method: 'DELETE' });
    expect(targeted.status).toBe(409);
    expect(((await targeted.json()) as { type: string }).type).toMatch(/group-in-use$/);
    const spare = (await (await call('/v1/admin/groups', { method: 'POST', json: { name: 'Spare' } })).json()) as {
      id: string;
    };
    expect((await call(`/v1/admin/groups/${spare.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('GET /v1/admin/audiences: groups with sources and member counts, regions and languages in use; reach', async () => {
    await server.deps.db.updateTable('advocates').set({ language: 'de-AT' }).where('id', '=', salesDe.id).execute();
    const options = (await (await call('/v1/admin/audiences')).json()) as {
      everyone: number;
      groups: { id: string; source: string; members: number }[];
      regions: { code: string; advocates: number }[];
      languages: { tag: string; advocates: number }[];
    };
    expect(options.groups.find((group) => group.id === sales)).toMatchObject({ source: 'console', members: 2 });
    expect(options.groups.find((group) => group.id === 'scimgroup1')).toMatchObject({ source: 'scim', members: 1 });
    expect(options.regions).toEqual(
      expect.arrayContaining([
        { code: 'DE', advocates: 1 },
        { code: 'FR', advocates: 1 },
      ]),
    );
    expect(options.languages).toEqual([{ tag: 'de', advocates: 1 }]);
    const reach = await call(`/v1/admin/audiences/reach?audiences=${sales},region:DE`);
    expect(await reach.json()).toEqual({ advocates: 1 });
    expect((await call('/v1/admin/audiences/reach?audiences=region:a%20b')).status).toBe(400);
  });

  it("SCIM: the work address's country is the advocate's region (as Okta and Entra send it), and a PATCH moves it", async () => {
    const scim = scimClient(server, (await createScimToken(server)).token);
    const made = await scim.send('POST', '/Users', {
      schemas: [USER_SCHEMA],
      userName: 'region.person@example.com',
      name: { givenName: 'Region', familyName: 'Person' },
      active: true,
      addresses: [{ type: 'work', country: 'de', primary: true }],
    });
    expect(made.status).toBe(201);
    const user = (await made.json()) as { id: string; addresses?: { country: string }[] };
    expect(user.addresses?.[0]?.country).toBe('DE');
    const region = async () =>
      (
        await server.deps.db
          .selectFrom('advocates')
          .select('region')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).region;
    expect(await region()).toBe('DE');
    const patched = await scim.send('PATCH', `/Users/${user.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'addresses[type eq "work"].country', value: 'AT' }],
    });
    expect(patched.status).toBe(200);
    expect(await region()).toBe('AT');
  });
});
