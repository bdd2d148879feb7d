/**
 * Roles of admins the identity provider brings (a real OpenID provider on loopback):
 * RELAY_OIDC_ROLE_GROUPS gives a new admin the role of their group (owner first), members of
 * RELAY_OIDC_ADMIN_GROUP alone are analysts; the creation is in the audit log (actor system). With
 * single sign-on admitting admins, an owner may add one without a password. The variable's parsing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { roleFromGroups } from '../../server/sso/admins';
import { startTestIdp, type IdpUser, type TestIdp } from '../helpers/oidc-provider';
import type { TestServer } from '../helpers/server';
import { ADA, GRACE, startSsoServer } from '../helpers/sso';
import { consoleSignIn, SsoBrowser } from '../helpers/sso-client';

function person(username: string, groups: string[]): IdpUser {
  return {
    sub: `u-${username}`,
    username,
    password: `${username}-password`,
    name: username,
    email: `${username}@example.com`,
    groups,
  };
}

describe('roles of admins from the identity provider', () => {
  let idp: TestIdp;
  let server: TestServer;

  beforeAll(async () => {
    idp = await startTestIdp();
    server = await startSsoServer(idp, {}, { roleGroups: { owner: 'relay-owners', approver: 'relay-approvers' } });
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.close();
  });

  async function signIn(user: { username: string; password: string }): Promise<string> {
    const end = await consoleSignIn(new SsoBrowser(), server.url, { credentials: user });
    return end.pathname + end.search;
  }
  const roleOf = async (email: string) =>
    (await server.deps.db.selectFrom('admins').select('role').where('email', '=', email).executeTakeFirst())?.role;

  it('gives a new admin the role of their group, recorded as admins.create by the system', async () => {
    const petra = person('petra', ['relay-approvers', 'sales']);
    idp.addUser(petra);
    expect(await signIn(petra)).toBe('/admin/');
    expect(await roleOf('petra@example.com')).toBe('approver');
    const entry = await server.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'admins.create')
      .where('target_label', '=', 'petra@example.com')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_type: 'system', target_type: 'admin' });
    expect(JSON.parse(entry.change)).toMatchObject({ role: 'approver', signsInWith: ['work-account'] });
  });

  it('makes a member of RELAY_OIDC_ADMIN_GROUP alone an analyst, and the owner group wins over others', async () => {
    expect(await signIn(ADA)).toBe('/admin/');
    expect(await roleOf('ada@example.com')).toBe('analyst');
    const olga = person('olga', ['relay-approvers', 'relay-owners']);
    idp.addUser(olga);
    expect(await signIn(olga)).toBe('/admin/');
    expect(await roleOf('olga@example.com')).toBe('owner');
    expect(await signIn(GRACE)).toBe('/admin/?sso-error=not-admin');
    expect(roleFromGroups(['x'], { editor: 'x', analyst: 'x' })).toBe('editor');
  });

  it('lets an owner add an admin without a password, to sign in with their work account', async () => {
    const response = await server.call('/v1/admin/admins', {
      method: 'POST',
      json: { email: 'wanda@example.com', role: 'editor' },
      token: await server.adminToken(),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ role: 'editor', signsInWith: ['work-account'] });
    // Linked on her first sign-in (a verified email), with the role the owner gave.
    const wanda = person('wanda', ['relay-admins']);
    idp.addUser(wanda);
    expect(await signIn(wanda)).toBe('/admin/');
    expect(await roleOf('wanda@example.com')).toBe('editor');
  });
});

describe('RELAY_OIDC_ROLE_GROUPS', () => {
  const BASE = { RELAY_OIDC_ISSUER: 'https://idp.example.com', RELAY_OIDC_CLIENT_ID: 'relay' };

  it('reads role=group pairs, groups with spaces, and lets password sign-in be off without an admin group', () => {
    const config = loadConfig({
      ...BASE,
      RELAY_OIDC_ROLE_GROUPS: ' owner = Relay owners , analyst=relay-analysts,',
      RELAY_PASSWORD_SIGNIN: 'off',
    });
    expect(config.sso?.roleGroups).toEqual({ owner: 'Relay owners', analyst: 'relay-analysts' });
    expect(config.passwordSignIn).toBe(false);
  });

  it('refuses an unknown role, a pair without =, an empty group and a role twice, naming the variable', () => {
    for (const value of ['boss=relay', 'relay-owners', 'owner=', 'owner=a,owner=b']) {
      const load = () => loadConfig({ ...BASE, RELAY_OIDC_ROLE_GROUPS: value });
      expect(load, value).toThrow(ConfigError);
      expect(load, value).toThrow(/RELAY_OIDC_ROLE_GROUPS/);
    }
  });
});
