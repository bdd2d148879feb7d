/**
 * The audit log over time: SCIM writes by the identity provider, retention (the owner's setting,
 * the purge on the server's clock), erasure scrubbing personal fields, the database refusing
 * updates (migration 0014), and single sign-on settings recorded when they change.
 */
import { describe, expect, it } from 'vitest';
import type { SsoConfig } from '../../server/config';
import { recordAudit } from '../../server/services/audit';
import { purgeAudit } from '../../server/services/audit-retention';
import { recordSsoSettings } from '../../server/services/audit-system';
import { expectProblem } from '../helpers/api';
import { auditPage, latest } from '../helpers/audit';
import { createScimToken, PATCH_OP, scimClient, USER_SCHEMA } from '../helpers/scim';
import { adminTestServer } from '../helpers/admin-server';
import { ADMIN_EMAIL } from '../helpers/server';

const DAY = 86_400_000;

describe('the audit log over time', () => {
  const running = adminTestServer();
  const { call } = running;

  it('records SCIM provisioning with the token as actor, and an erasure by SCIM DELETE scrubs it', async () => {
    const token = await createScimToken(running.server, 'Okta production');
    const scim = scimClient(running.server, token.token);
    const user = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      {
        schemas: [USER_SCHEMA],
        userName: 'grace@corp.test',
        name: { givenName: 'Grace', familyName: 'Hopper' },
        emails: [{ value: 'grace@corp.test', primary: true }],
        active: true,
      },
      201,
    );
    const created = await latest(running.server, 'scim.user.create');
    expect(created.actor).toEqual({ type: 'scim', id: token.id, label: 'Okta production' });
    expect(created.target).toEqual({ type: 'advocate', id: user.id, label: 'grace@corp.test' });
    expect(JSON.stringify(created.change)).toContain('Hopper');

    const patch = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] };
    await scim.json('PATCH', `/Users/${user.id}`, patch, 200);
    const deactivated = await latest(running.server, 'scim.user.deactivate');
    expect(deactivated.target?.id).toBe(user.id);
    expect(deactivated.change).toEqual({ operations: patch.Operations });

    const group = await scim.json<{ id: string }>(
      'POST',
      '/Groups',
      { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Sales', members: [{ value: user.id }] },
      201,
    );
    expect((await latest(running.server, 'scim.group.create')).target).toEqual({
      type: 'group',
      id: group.id,
      label: 'Sales',
    });

    expect((await call('/v1/admin/provisioning', { method: 'PUT', json: { onDelete: 'erase' } })).status).toBe(200);
    expect((await scim.send('DELETE', `/Users/${user.id}`)).status).toBe(204);
    const deleted = await latest(running.server, 'scim.user.delete');
    expect(deleted).toMatchObject({
      actor: { type: 'scim', id: token.id },
      target: { type: 'advocate', id: user.id, label: null },
      change: { onDelete: 'erase' },
    });
    // Every entry about them keeps its time, actor, action and ids, without their name or email.
    const about = await auditPage(running.server, `target=${user.id}`);
    expect(about.entries.map((entry) => entry.action)).toEqual([
      'scim.user.delete',
      'scim.user.deactivate',
      'scim.user.create',
    ]);
    for (const entry of about.entries) {
      expect(entry.target).toEqual({ type: 'advocate', id: user.id, label: null });
      expect(entry.actor.label).toBe('Okta production');
      expect(JSON.stringify(entry)).not.toMatch(/grace|Hopper/i);
    }
    expect(about.entries[2]!.change).toEqual({ attributes: { schemas: [USER_SCHEMA], active: true } });
  });

  it("an admin's erasure of an advocate keeps the entries, without their personal fields", async () => {
    const ada = await running.server.enroll('Ada Lovelace');
    expect((await call(`/v1/admin/advocates/${ada.id}?erase=false`, { method: 'DELETE' })).status).toBe(200);
    await recordAudit(running.server.deps.db, {
      actor: { type: 'cli', id: null, label: 'relay cli' },
      action: 'advocates.note',
      target: { type: 'advocate', id: ada.id, label: 'Ada Lovelace' },
      change: { name: 'Ada Lovelace', profile: { email: 'ada@corp.test', team: 'R&D', points: 12 } },
      advocateId: ada.id,
    });
    expect((await call(`/v1/admin/advocates/${ada.id}?erase=true`, { method: 'DELETE' })).status).toBe(204);
    const erased = await latest(running.server, 'advocates.erase');
    expect(erased).toMatchObject({
      actor: { type: 'admin', label: ADMIN_EMAIL },
      target: { type: 'advocate', id: ada.id, label: null },
      change: { erase: true, revokedTokens: 0 },
    });
    const removed = await latest(running.server, 'advocates.remove');
    expect(removed).toMatchObject({
      actor: { type: 'admin', label: ADMIN_EMAIL },
      target: { type: 'advocate', id: ada.id, label: null },
      change: { erase: false, revokedTokens: 1 },
    });
    expect((await latest(running.server, 'advocates.note')).change).toEqual({ profile: { points: 12 } });
  });

  it('the database refuses updates except the erasure of personal fields', async () => {
    const db = running.server.deps.db;
    const plain = await recordAudit(db, { actor: { type: 'system', id: null, label: 'x' }, action: 'test.plain' });
    const about = await recordAudit(db, {
      actor: { type: 'system', id: null, label: 'x' },
      action: 'test.about',
      target: { type: 'advocate', id: 'adv-x', label: 'Someone' },
      advocateId: 'adv-x',
    });
    const refused = /append-only/;
    await expect(
      db.updateTable('audit_log').set({ action: 'test.forged' }).where('id', '=', plain).execute(),
    ).rejects.toThrow(refused);
    await expect(db.updateTable('audit_log').set({ change: '{}' }).where('id', '=', plain).execute()).rejects.toThrow(
      refused,
    );
    await expect(db.updateTable('audit_log').set({ at: 0 }).where('id', '=', about).execute()).rejects.toThrow(refused);
    await expect(
      db.updateTable('audit_log').set({ actor_id: 'adm-x' }).where('id', '=', about).execute(),
    ).rejects.toThrow(refused);
    await db.updateTable('audit_log').set({ target_label: null, change: '{}' }).where('id', '=', about).execute();
    expect((await latest(running.server, 'test.plain')).actor.label).toBe('x');
    expect((await latest(running.server, 'test.about')).target?.label).toBeNull();
  });

  it('records single sign-on settings when they differ from the last recorded, never the secret', async () => {
    const db = running.server.deps.db;
    const sso: SsoConfig = {
      issuer: 'https://idp.example.com',
      clientId: 'relay-console',
      clientSecret: 'very-secret-value',
      scopes: 'openid profile email',
      claims: { name: 'name', email: 'email', groups: 'groups' },
      adminGroup: 'relay-admins',
      extensionIds: [],
    };
    // Three start-ups a second apart: entries of the same millisecond have no order among them.
    const start = running.server.clock.now;
    expect(await recordSsoSettings(db, { sso, passwordSignIn: true }, start)).toBe(true);
    expect(await recordSsoSettings(db, { sso, passwordSignIn: true }, start + 1_000)).toBe(false);
    const changed = { ...sso, clientId: 'relay-console-2', claims: { ...sso.claims, groups: 'roles' } };
    expect(await recordSsoSettings(db, { sso: changed, passwordSignIn: true }, start + 2_000)).toBe(true);
    const entry = await latest(running.server, 'sso.settings');
    expect(entry.actor).toEqual({ type: 'system', id: null, label: 'environment' });
    expect(entry.change).toMatchObject({
      before: { clientId: 'relay-console', claims: { groups: 'groups' } },
      after: { clientId: 'relay-console-2', claims: { groups: 'roles' }, confidentialClient: true },
    });
    expect(JSON.stringify((await auditPage(running.server, 'action=sso.')).entries)).not.toContain('very-secret-value');
  });
  it('keeps entries as long as the owner says, then purges them on the running.server clock', async () => {
    const db = running.server.deps.db;
    const now = running.server.clock.now;
    await recordAudit(
      db,
      { actor: { type: 'system', id: null, label: null }, action: 'test.ancient' },
      now - 400 * DAY,
    );
    await recordAudit(db, { actor: { type: 'system', id: null, label: null }, action: 'test.recent' }, now - 10 * DAY);
    expect(await (await call('/v1/admin/audit/settings')).json()).toEqual({ retentionDays: 2190 });
    await expectProblem(await call('/v1/admin/audit/settings', { method: 'PUT', json: { retentionDays: 30 } }), 422);
    const editor = await running.server.adminAs('editor');
    const byEditor = await running.server.call('/v1/admin/audit/settings', {
      method: 'PUT',
      json: { retentionDays: 365 },
      token: editor.token,
    });
    await expectProblem(byEditor, 403, 'forbidden-role');

    expect((await call('/v1/admin/audit/settings', { method: 'PUT', json: { retentionDays: 365 } })).status).toBe(200);
    expect((await auditPage(running.server, 'action=test.ancient')).entries).toHaveLength(0);
    expect((await auditPage(running.server, 'action=test.recent')).entries).toHaveLength(1);
    expect((await latest(running.server, 'audit.settings')).change).toEqual({
      before: { retentionDays: 2190 },
      after: { retentionDays: 365 },
    });
    expect((await latest(running.server, 'audit.purge')).change).toMatchObject({ deleted: 1, retentionDays: 365 });

    running.server.clock.advance(360 * DAY);
    expect(await purgeAudit(running.server.deps)).toBe(1);
    // Sessions expired meanwhile: a new one reads what is left.
    const owner = await running.server.adminAs('owner');
    expect((await auditPage(running.server, 'action=test.recent', owner.token)).entries).toHaveLength(0);
    expect((await auditPage(running.server, 'action=audit.settings', owner.token)).entries).toHaveLength(1);
  });
});
