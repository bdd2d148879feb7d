/**
 * RELAY_OIDC_*, RELAY_EXTENSION_IDS and RELAY_PASSWORD_SIGNIN: single sign-on is off without an
 * issuer, takes its client, scopes, claims, admin group and extension ids (required off loopback),
 * and a bad value stops start-up naming the variable. Password sign-in can be switched off only with a way in left.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

const ISSUER = 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0';
const BASE = { RELAY_OIDC_ISSUER: ISSUER, RELAY_OIDC_CLIENT_ID: 'relay-client' };

function refused(env: Record<string, string>, variable: RegExp): void {
  expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
  expect(() => loadConfig(env), JSON.stringify(env)).toThrow(variable);
}

describe('single sign-on configuration', () => {
  it('is off without RELAY_OIDC_ISSUER, and password sign-in on', () => {
    const config = loadConfig({});
    expect(config.sso).toBeUndefined();
    expect(config.passwordSignIn).toBe(true);
  });

  it('takes the issuer and client, with the default scopes and claims', () => {
    expect(loadConfig(BASE).sso).toEqual({
      issuer: ISSUER,
      clientId: 'relay-client',
      clientSecret: undefined,
      scopes: 'openid profile email',
      claims: { name: 'name', email: 'email', groups: 'groups', team: undefined },
      adminGroup: undefined,
      roleGroups: {},
      extensionIds: [],
    });
  });

  it('takes the secret, scopes, claim names, admin group and extension ids', () => {
    const sso = loadConfig({
      ...BASE,
      RELAY_OIDC_CLIENT_SECRET: 's3cret',
      RELAY_OIDC_SCOPES: 'openid email profile groups',
      RELAY_OIDC_NAME_CLAIM: 'given_name',
      RELAY_OIDC_EMAIL_CLAIM: 'preferred_username',
      RELAY_OIDC_GROUPS_CLAIM: 'https://relay.example/groups',
      RELAY_OIDC_TEAM_CLAIM: 'department',
      RELAY_OIDC_ADMIN_GROUP: ' 0b1f9e3c-relay-admins ',
      RELAY_EXTENSION_IDS: 'abcdefghijklmnopabcdefghijklmnop, relay@example.com ,',
    }).sso;
    expect(sso).toMatchObject({
      clientSecret: 's3cret',
      scopes: 'openid email profile groups',
      claims: {
        name: 'given_name',
        email: 'preferred_username',
        groups: 'https://relay.example/groups',
        team: 'department',
      },
      adminGroup: '0b1f9e3c-relay-admins',
      extensionIds: ['abcdefghijklmnopabcdefghijklmnop', 'relay@example.com'],
    });
  });

  it('accepts an http issuer on loopback only (development and tests)', () => {
    for (const issuer of ['http://127.0.0.1:9000', 'http://localhost:9000/realms/relay']) {
      expect(loadConfig({ ...BASE, RELAY_OIDC_ISSUER: issuer }).sso?.issuer).toBe(issuer);
    }
  });

  it('refuses a bad issuer, a client without an issuer, an issuer without a client, and bad claim names', () => {
    for (const issuer of [
      'http://idp.example.com',
      'not a url',
      'https://user@idp.example.com',
      'https://idp.example/?x=1',
    ]) {
      refused({ ...BASE, RELAY_OIDC_ISSUER: issuer }, /RELAY_OIDC_ISSUER/);
    }
    refused({ RELAY_OIDC_CLIENT_ID: 'relay-client' }, /RELAY_OIDC_CLIENT_ID is set without RELAY_OIDC_ISSUER/);
    refused({ RELAY_OIDC_ISSUER: ISSUER }, /RELAY_OIDC_CLIENT_ID/);
    refused({ ...BASE, RELAY_OIDC_GROUPS_CLAIM: 'groups claim' }, /RELAY_OIDC_GROUPS_CLAIM/);
    refused({ ...BASE, RELAY_OIDC_TEAM_CLAIM: 'dept<script>' }, /RELAY_OIDC_TEAM_CLAIM/);
  });
});

describe('RELAY_EXTENSION_IDS', () => {
  const PUBLIC = { ...BASE, RELAY_PUBLIC_URL: 'https://relay.example.com' };

  it('is required with single sign-on on a public address, saying what to put there', () => {
    refused(PUBLIC, /RELAY_EXTENSION_IDS is required/);
    refused(PUBLIC, /Chrome Web Store id.*Firefox add-on id/);
    refused({ ...PUBLIC, RELAY_EXTENSION_IDS: ' , ' }, /RELAY_EXTENSION_IDS/);
    // No RELAY_PUBLIC_URL: the address it listens on, here every interface.
    refused({ ...BASE, HOST: '0.0.0.0' }, /RELAY_EXTENSION_IDS/);
    refused({ ...BASE, HOST: '0.0.0.0', PORT: '0' }, /RELAY_EXTENSION_IDS/);
    refused({ ...BASE, RELAY_PUBLIC_URL: 'http://10.0.0.5:8787' }, /RELAY_EXTENSION_IDS/);
  });

  it('is taken on a public address when set', () => {
    const config = loadConfig({ ...PUBLIC, RELAY_EXTENSION_IDS: 'abcdefghijklmnopabcdefghijklmnop' });
    expect(config.sso?.extensionIds).toEqual(['abcdefghijklmnopabcdefghijklmnop']);
  });

  it('may be empty on loopback (development, tests), or without single sign-on', () => {
    for (const url of ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787', '']) {
      expect(loadConfig({ ...BASE, RELAY_PUBLIC_URL: url }).sso?.extensionIds, url).toEqual([]);
    }
    expect(loadConfig({ ...BASE, PORT: '0' }).sso?.extensionIds).toEqual([]);
    expect(loadConfig({ RELAY_PUBLIC_URL: 'https://relay.example.com' }).sso).toBeUndefined();
  });
});

describe('RELAY_PASSWORD_SIGNIN', () => {
  const withAdmins = { ...BASE, RELAY_OIDC_ADMIN_GROUP: 'relay-admins' };

  it('is on by default and reads on/off words', () => {
    for (const on of ['on', 'true', '1', 'YES', '']) {
      expect(loadConfig({ RELAY_PASSWORD_SIGNIN: on }).passwordSignIn, on).toBe(true);
    }
    for (const off of ['off', 'false', '0', 'No']) {
      expect(loadConfig({ ...withAdmins, RELAY_PASSWORD_SIGNIN: off }).passwordSignIn, off).toBe(false);
    }
    refused({ ...withAdmins, RELAY_PASSWORD_SIGNIN: 'sometimes' }, /RELAY_PASSWORD_SIGNIN must be on or off/);
  });

  it('can be off only with single sign-on and an admin group: admins need a way in', () => {
    refused({ RELAY_PASSWORD_SIGNIN: 'off' }, /RELAY_PASSWORD_SIGNIN=off needs RELAY_OIDC_ISSUER/);
    refused({ ...BASE, RELAY_PASSWORD_SIGNIN: 'off' }, /RELAY_PASSWORD_SIGNIN=off needs RELAY_OIDC_ADMIN_GROUP/);
  });
});
