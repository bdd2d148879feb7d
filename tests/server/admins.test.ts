/**
 * The admins API: owners add admins with a role (password, or work account with single sign-on),
 * change roles (applied on the admin's next request) and remove admins (their sessions end); the
 * last owner stays; each change is in the audit log without the password; the session answers the
 * role and its permissions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../lib/roles';
import { expectProblem } from '../helpers/api';
import { ADMIN_EMAIL, startTestServer, type TestServer } from '../helpers/server';

describe('admins API', () => {
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = await startTestServer();
    owner = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const call = (path: string, token: string, init: { method?: string; json?: unknown } = {}) =>
    server.call(path, { ...init, token });
  const audit = async (action: string) =>
    (await server.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute()).map(
      (entry) => ({ ...entry, change: JSON.parse(entry.change) as unknown }),
    );

  it('adds an admin with a role (201), who signs in with the password; 409 for an existing email', async () => {
    const json = { email: 'Edith@Relay.test', role: 'editor', password: 'edith password 1' };
    const response = await call('/v1/admin/admins', owner, { method: 'POST', json });
    expect(response.status).toBe(201);
    const added = (await response.json()) as { id: string };
    expect(added).toMatchObject({ email: 'edith@relay.test', role: 'editor', name: null, signsInWith: ['password'] });
    const signIn = await server.call('/v1/admin/session', {
      method: 'POST',
      json: { email: 'edith@relay.test', password: 'edith password 1' },
    });
    expect(signIn.status).toBe(200);
    await expectProblem(await call('/v1/admin/admins', owner, { method: 'POST', json }), 409, 'admin-exists');
    const [entry] = (await audit('admins.create')).filter((each) => each.target_id === added.id);
    expect(entry).toMatchObject({ actor_type: 'admin', target_type: 'admin', target_label: 'edith@relay.test' });
    expect(entry!.change).toEqual({ email: 'edith@relay.test', role: 'editor', signsInWith: ['password'] });
    expect(JSON.stringify(entry)).not.toContain('edith password 1');
    const list = (await (await call('/v1/admin/admins', owner)).json()) as { items: { email: string; role: string }[] };
    expect(list.items.map(({ email, role }) => ({ email, role }))).toContainEqual({
      email: 'edith@relay.test',
      role: 'editor',
    });
  });

  it('refuses an admin without a password while single sign-on is off (422 password-required)', async () => {
    const response = await call('/v1/admin/admins', owner, {
      method: 'POST',
      json: { email: 'nopass@relay.test', role: 'analyst' },
    });
    const problem = await expectProblem(response, 422, 'password-required');
    expect(problem.detail).toMatch(/single sign-on is off/);
    await expectProblem(
      await call('/v1/admin/admins', owner, {
        method: 'POST',
        json: { email: 'x@relay.test', role: 'boss', password: 'long enough' },
      }),
      422,
    );
  });

  it('answers the role and its permissions in the session; a changed role applies on the next request', async () => {
    const editor = await server.adminAs('editor');
    const session = (await (await call('/v1/admin/session', editor.token)).json()) as Record<string, unknown>;
    expect(session).toMatchObject({
      admin: { id: editor.id, email: editor.email, role: 'editor' },
      permissions: [...ROLE_PERMISSIONS.editor],
      csrfToken: expect.any(String),
      expiresAt: expect.any(String),
    });
    await expectProblem(await call('/v1/admin/admins', editor.token), 403, 'forbidden-role');
    const changed = await call(`/v1/admin/admins/${editor.id}`, owner, { method: 'PATCH', json: { role: 'owner' } });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ id: editor.id, role: 'owner' });
    expect((await call('/v1/admin/admins', editor.token)).status).toBe(200);
    const [entry] = (await audit('admins.role')).filter((each) => each.target_id === editor.id);
    expect(entry!.change).toEqual({ before: { role: 'editor' }, after: { role: 'owner' } });
    // The same role again changes nothing and records nothing.
    expect(
      (await call(`/v1/admin/admins/${editor.id}`, owner, { method: 'PATCH', json: { role: 'owner' } })).status,
    ).toBe(200);
    expect((await audit('admins.role')).filter((each) => each.target_id === editor.id)).toHaveLength(1);
    const demoted = await call(`/v1/admin/admins/${editor.id}`, owner, { method: 'PATCH', json: { role: 'analyst' } });
    expect(demoted.status).toBe(200);
    await expectProblem(await call('/v1/admin/admins', editor.token), 403, 'forbidden-role');
  });

  it('removes an admin and ends their sessions; 404 for an unknown one', async () => {
    const approver = await server.adminAs('approver');
    const removed = await call(`/v1/admin/admins/${approver.id}`, owner, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ id: approver.id, role: 'approver' });
    await expectProblem(await call('/v1/admin/session', approver.token), 401);
    await expectProblem(await call(`/v1/admin/admins/${approver.id}`, owner, { method: 'DELETE' }), 404, 'not-found');
    const [entry] = (await audit('admins.remove')).filter((each) => each.target_id === approver.id);
    expect(entry).toMatchObject({ target_label: approver.email });
  });

  it('never leaves the organisation without an owner: 409 last-owner on demoting or removing the last one', async () => {
    // Every owner but the first steps down, so the first is the last.
    const list = (await (await call('/v1/admin/admins', owner)).json()) as {
      items: { id: string; role: string; email: string }[];
    };
    const first = list.items.find((admin) => admin.email === ADMIN_EMAIL) ?? list.items[0]!;
    for (const other of list.items.filter((admin) => admin.role === 'owner' && admin.id !== first.id)) {
      expect(
        (await call(`/v1/admin/admins/${other.id}`, owner, { method: 'PATCH', json: { role: 'editor' } })).status,
      ).toBe(200);
    }
    const demote = await call(`/v1/admin/admins/${first.id}`, owner, { method: 'PATCH', json: { role: 'approver' } });
    expect((await expectProblem(demote, 409, 'last-owner')).detail).toMatch(/only owner/);
    await expectProblem(await call(`/v1/admin/admins/${first.id}`, owner, { method: 'DELETE' }), 409, 'last-owner');
    // With a second owner, the first may step down.
    const second = await server.adminAs('owner');
    expect(
      (await call(`/v1/admin/admins/${first.id}`, second.token, { method: 'PATCH', json: { role: 'editor' } })).status,
    ).toBe(200);
    await expectProblem(
      await call(`/v1/admin/admins/${second.id}`, second.token, { method: 'DELETE' }),
      409,
      'last-owner',
    );
    expect(
      (await call(`/v1/admin/admins/${first.id}`, second.token, { method: 'PATCH', json: { role: 'owner' } })).status,
    ).toBe(200);
  });
});
