/** Microsoft Entra ID's provisioning requests, replayed as its docs show them (with and without the aadOptscim062020 flag). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAdvocate, AdminGroup } from '../../lib/console-schemas';
import {
  createScimToken,
  ENTERPRISE,
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

// Sources: Microsoft Learn, "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra
// ID" (request and response examples) and "Known issues and resolutions with SCIM 2.0 protocol compliance"
// (what is sent with and without the aadOptscim062020 flag).
describe('Microsoft Entra ID provisioning', () => {
  let server: TestServer;
  let scim: ScimClient;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
    scim = scimClient(server, (await createScimToken(server, 'Entra ID')).token);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const advocate = async (id: string) =>
    (
      (await (await server.call('/v1/admin/advocates', { token: admin })).json()) as { items: AdminAdvocate[] }
    ).items.find((item) => item.id === id);
  const stored = (id: string) =>
    server.deps.db
      .selectFrom('advocates')
      .select(['name', 'email', 'user_name', 'external_id', 'team', 'provisioned_at'])
      .where('id', '=', id)
      .executeTakeFirst();
  const patch = (path: string, ...Operations: Json[]) => scim.send('PATCH', path, { schemas: [PATCH_OP], Operations });

  const entraUser = (userName: string): Json => ({
    schemas: [USER_SCHEMA, ENTERPRISE],
    externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
    userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: 'Test_User_11bb11bb@testuser.com' }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
    [ENTERPRISE]: { department: 'Engineering', employeeNumber: '100009' },
  });

  it('looks the user up by userName (an empty ListResponse), creates them, and finds them after in any case', async () => {
    const userName = 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee';
    const empty = await scim.json('GET', `/Users?filter=${filter(`userName eq "${userName}"`)}`, undefined, 200);
    expect(empty).toEqual({ schemas: [LIST_RESPONSE], totalResults: 0, Resources: [], startIndex: 1, itemsPerPage: 0 });

    const response = await scim.send('POST', '/Users', entraUser(userName));
    expect(response.status).toBe(201);
    const created = (await response.json()) as Json & { id: string; meta: { location: string } };
    expect(created).toMatchObject({
      schemas: [USER_SCHEMA, ENTERPRISE],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName,
      active: true,
      name: { formatted: 'givenName familyName' },
      emails: [{ value: 'Test_User_11bb11bb@testuser.com', type: 'work', primary: true }],
      [ENTERPRISE]: { department: 'Engineering' },
      meta: { resourceType: 'User', location: `http://relay.test/scim/v2/Users/${created.id}` },
    });
    expect(response.headers.get('location')).toBe(created.meta.location);
    expect(await stored(created.id)).toMatchObject({
      name: 'givenName familyName',
      email: 'Test_User_11bb11bb@testuser.com',
      user_name: userName,
      external_id: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      team: 'Engineering',
      provisioned_at: expect.any(Number),
    });
    expect(await advocate(created.id)).toMatchObject({ name: 'givenName familyName', access: 'active' });

    const found = await scim.json<{ totalResults: number; Resources: Json[] }>(
      'GET',
      `/Users?filter=${filter(`userName eq "${userName.toUpperCase()}"`)}`,
      undefined,
      200,
    );
    expect(found.totalResults).toBe(1);
    expect(found.Resources[0]).toMatchObject({ id: created.id, userName });
    const byEmail = await scim.json<{ totalResults: number }>(
      'GET',
      `/Users?filter=${filter('emails[type eq "work"].value eq "test_user_11bb11bb@testuser.com"')}`,
      undefined,
      200,
    );
    expect(byEmail.totalResults).toBe(1);
    expect(await scim.json('GET', `/Users/${created.id}`, undefined, 200)).toMatchObject({ id: created.id, userName });

    // The same userName again is a conflict; an unknown id is a SCIM 404.
    await expectScimError(await scim.send('POST', '/Users', entraUser(userName.toLowerCase())), 409, 'uniqueness');
    const missing = await expectScimError(await scim.send('GET', '/Users/5171a35d82074e068ce2'), 404);
    expect(missing.detail).toMatch(/5171a35d82074e068ce2/);
  });

  it('updates multi-valued and single-valued attributes with capitalised Replace', async () => {
    const { id } = await scim.json<{ id: string }>('POST', '/Users', entraUser('multi@testuser.com'), 201);
    let response = await patch(
      `/Users/${id}`,
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: { formatted: 'givenName updatedFamilyName', familyName: 'updatedFamilyName', givenName: 'givenName' },
      emails: [{ value: 'updatedEmail@microsoft.com', type: 'work', primary: true }],
    });
    response = await patch(`/Users/${id}`, { op: 'Replace', path: 'userName', value: '5b50642d@testuser.com' });
    expect(await response.json()).toMatchObject({ userName: '5b50642d@testuser.com' });
    expect(await stored(id)).toMatchObject({
      name: 'givenName updatedFamilyName',
      email: 'updatedEmail@microsoft.com',
      user_name: '5b50642d@testuser.com',
    });

    // A user created without an email gets one from the same path (scimmy alone finds no target).
    const bare = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      { schemas: [USER_SCHEMA], userName: 'bare@testuser.com', name: { givenName: 'Bare', familyName: 'User' } },
      201,
    );
    response = await patch(`/Users/${bare.id}`, {
      op: 'Add',
      path: 'emails[type eq "work"].value',
      value: 'bare@contoso.com',
    });
    expect(response.status).toBe(200);
    expect((await stored(bare.id))?.email).toBe('bare@contoso.com');
  });

  it('applies a path-less Replace whose value maps attribute paths to values (aadOptscim062020)', async () => {
    const { id } = await scim.json<{ id: string }>('POST', '/Users', entraUser('pathless@testuser.com'), 201);
    const response = await patch(
      `/Users/${id}`,
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestMhvaes@test.microsoft.com' },
      {
        op: 'replace',
        value: {
          displayName: 'Bjfe Unua',
          'name.givenName': 'Kkom',
          'name.familyName': 'Unua',
          [`${ENTERPRISE}:employeeNumber`]: 'Aklq',
          [`${ENTERPRISE}:department`]: 'Research',
        },
      },
    );
    expect(response.status).toBe(200);
    expect(await stored(id)).toMatchObject({
      name: 'Bjfe Unua',
      email: 'TestMhvaes@test.microsoft.com',
      team: 'Research',
    });
  });

  it('disables a user with "value": "False" and enables them again with "True"', async () => {
    const { id } = await scim.json<{ id: string }>('POST', '/Users', entraUser('disable@testuser.com'), 201);
    let response = await patch(`/Users/${id}`, { op: 'Replace', path: 'active', value: 'False' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, active: false });
    expect(await advocate(id)).toMatchObject({ access: 'deprovisioned', accessEndedAt: expect.any(String) });
    // Still returned while disabled, in a lookup as well as by id (Entra's validator checks both).
    const list = await scim.json<{ Resources: Json[] }>(
      'GET',
      `/Users?filter=${filter('userName eq "disable@testuser.com"')}`,
      undefined,
      200,
    );
    expect(list.Resources).toEqual([expect.objectContaining({ id, active: false })]);

    response = await patch(`/Users/${id}`, { op: 'Replace', path: 'active', value: 'True' });
    expect(await response.json()).toMatchObject({ id, active: true });
    expect(await advocate(id)).toMatchObject({ access: 'active', accessEndedAt: null });
  });

  it('creates a group, finds it by displayName without members, renames it and adds and removes members', async () => {
    const users = await Promise.all(
      ['ann', 'ben', 'cat'].map(
        async (name) => (await scim.json<{ id: string }>('POST', '/Users', entraUser(`${name}@testuser.com`), 201)).id,
      ),
    );
    const created = await scim.json<{ id: string }>(
      'POST',
      '/Groups',
      {
        schemas: [GROUP_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
        externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
        displayName: 'Field Sales',
        meta: { resourceType: 'Group' },
      },
      201,
    );
    expect(created).toMatchObject({
      schemas: [GROUP_SCHEMA],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Field Sales',
      members: [],
    });
    const group = `/Groups/${created.id}`;
    const lookup = await scim.json<{ totalResults: number; Resources: Json[] }>(
      'GET',
      `/Groups?excludedAttributes=members&filter=${filter('displayName eq "field sales"')}`,
      undefined,
      200,
    );
    expect(lookup.totalResults).toBe(1);
    expect(lookup.Resources[0]).toMatchObject({ id: created.id, displayName: 'Field Sales' });
    expect(lookup.Resources[0]).not.toHaveProperty('members');

    expect((await patch(group, { op: 'Replace', path: 'displayName', value: 'Field Sales EMEA' })).status).toBe(204);
    const add = await patch(group, {
      op: 'Add',
      path: 'members',
      value: users.map((value) => ({ $ref: null, value })),
    });
    expect(add.status).toBe(204);
    const single = await scim.json<Json>('GET', `${group}?excludedAttributes=members`, undefined, 200);
    expect(single).toMatchObject({ displayName: 'Field Sales EMEA' });
    expect(single).not.toHaveProperty('members');

    // Removal with a value list (without the flag), then by a members[value eq] path (with it).
    expect((await patch(group, { op: 'Remove', path: 'members', value: [{ value: users[0] }] })).status).toBe(204);
    expect((await patch(group, { op: 'remove', path: `members[value eq "${users[1]}"]` })).status).toBe(204);
    const left = await scim.json<{ members: { value: string }[] }>('GET', group, undefined, 200);
    expect(left.members.map((member) => member.value)).toEqual([users[2]]);

    // Whether a user is a member, as Entra ID asks it: a filter on id and members, only the id back.
    const isMember = async (user: string) =>
      (
        await scim.json<{ totalResults: number; Resources: Json[] }>(
          'GET',
          `/Groups?filter=${filter(`id eq "${created.id}" and members[value eq "${user}"]`)}&attributes=id`,
          undefined,
          200,
        )
      ).Resources;
    expect(await isMember(users[2]!)).toEqual([expect.objectContaining({ id: created.id })]);
    expect((await isMember(users[2]!))[0]).not.toHaveProperty('members');
    expect(await isMember(users[0]!)).toEqual([]);

    // The console sees the group as a team with its member.
    const groups = (await (await server.call('/v1/admin/groups', { token: admin })).json()) as { items: AdminGroup[] };
    expect(groups.items.find((item) => item.id === created.id)).toEqual({
      id: created.id,
      name: 'Field Sales EMEA',
      source: 'scim',
      members: [{ id: users[2], name: 'givenName familyName' }],
    });

    // Unknown members are refused, naming them; a second group of the same name is a conflict.
    const unknown = await expectScimError(
      await patch(group, { op: 'Add', path: 'members', value: [{ value: 'no-such-user' }] }),
      400,
      'invalidValue',
    );
    expect(unknown.detail).toMatch(/no-such-user/);
    await expectScimError(
      await scim.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'FIELD SALES emea' }),
      409,
      'uniqueness',
    );

    expect((await scim.send('DELETE', group)).status).toBe(204);
    await expectScimError(await scim.send('GET', group), 404);
    const after = (await (await server.call('/v1/admin/groups', { token: admin })).json()) as { items: AdminGroup[] };
    expect(after.items.some((item) => item.id === created.id)).toBe(false);
    expect(await advocate(users[2]!)).toMatchObject({ access: 'active' });
  });

  it('keeps both members when two PATCHes add to one group at once', async () => {
    const ids = await Promise.all(
      Array.from(
        { length: 6 },
        async (_, i) =>
          (await scim.json<{ id: string }>('POST', '/Users', entraUser(`together${i}@testuser.com`), 201)).id,
      ),
    );
    const { id } = await scim.json<{ id: string }>(
      'POST',
      '/Groups',
      { schemas: [GROUP_SCHEMA], displayName: 'Together' },
      201,
    );
    const answers = await Promise.all(
      ids.map((value) => patch(`/Groups/${id}`, { op: 'Add', path: 'members', value: [{ value }] })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(ids.map(() => 204));
    const group = await scim.json<{ members: { value: string }[] }>('GET', `/Groups/${id}`, undefined, 200);
    expect(group.members.map((member) => member.value).sort()).toEqual([...ids].sort());
    // And removals at once each take only their own member.
    await Promise.all(
      ids.slice(0, 3).map((value) => patch(`/Groups/${id}`, { op: 'Remove', path: 'members', value: [{ value }] })),
    );
    const left = await scim.json<{ members: { value: string }[] }>('GET', `/Groups/${id}`, undefined, 200);
    expect(left.members.map((member) => member.value).sort()).toEqual(ids.slice(3).sort());
  });

  it('keeps both changes when two PATCHes change different attributes of one user at once', async () => {
    const { id } = await scim.json<{ id: string }>('POST', '/Users', entraUser('busy@testuser.com'), 201);
    for (let round = 0; round < 3; round++) {
      const [name, team] = [`Busy ${round}`, `Team ${round}`];
      const answers = await Promise.all([
        patch(`/Users/${id}`, { op: 'Replace', path: 'name.formatted', value: name }),
        patch(`/Users/${id}`, { op: 'Replace', path: `${ENTERPRISE}:department`, value: team }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      expect(await stored(id)).toMatchObject({ name, team });
    }
  });

  it('deletes a user (204): gone for SCIM, kept as deprovisioned by default, and the userName is free again', async () => {
    const { id } = await scim.json<{ id: string }>('POST', '/Users', entraUser('leaver@testuser.com'), 201);
    expect((await scim.send('DELETE', `/Users/${id}`)).status).toBe(204);
    await expectScimError(await scim.send('GET', `/Users/${id}`), 404);
    await expectScimError(await scim.send('DELETE', `/Users/${id}`), 404);
    expect(await advocate(id)).toMatchObject({ access: 'deprovisioned' });
    expect(await stored(id)).toMatchObject({ user_name: null, external_id: null, provisioned_at: null });
    const again = await scim.json<{ id: string }>('POST', '/Users', entraUser('leaver@testuser.com'), 201);
    expect(again.id).not.toBe(id);
  });
});
