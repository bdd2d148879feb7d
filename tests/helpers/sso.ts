/** A Relay test server signing in with a test OpenID provider (oidc-provider.ts), its callback registered there. */
import type { Config, SsoConfig } from '../../server/config';
import { CALLBACK_PATH } from '../../server/sso/service';
import type { TestIdp } from './oidc-provider';
import { startTestServer, type TestServer } from './server';

/** browser.identity.getRedirectURL() of a Chrome extension with id a…p (32 letters). */
export const CHROME_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const CHROME_REDIRECT = `https://${CHROME_ID}.chromiumapp.org/`;
export const CHROME_ORIGIN = `chrome-extension://${CHROME_ID}`;

export const ADA = { username: 'ada', password: 'ada-password' };
export const GRACE = { username: 'grace', password: 'grace-password' };

/** RELAY_OIDC_* for `idp`: its client, the groups scope, department as the team, relay-admins as admins. */
export function ssoConfigFor(idp: TestIdp, overrides: Partial<SsoConfig> = {}): SsoConfig {
  return {
    issuer: idp.issuer,
    clientId: idp.client.clientId,
    clientSecret: idp.client.clientSecret,
    scopes: 'openid profile email groups',
    claims: { name: 'name', email: 'email', groups: 'groups', team: 'department' },
    adminGroup: 'relay-admins',
    roleGroups: {},
    extensionIds: [],
    ...overrides,
  };
}

/**
 * Starts Relay with single sign-on at `idp` on a port of its own, its public URL the address it
 * listens on, and registers its callback at the provider.
 */
export async function startSsoServer(
  idp: TestIdp,
  overrides: Partial<Config> = {},
  sso: Partial<SsoConfig> = {},
): Promise<TestServer> {
  const server = await startTestServer({ publicUrl: '', sso: ssoConfigFor(idp, sso), ...overrides });
  idp.client.redirectUris.push(server.url + CALLBACK_PATH);
  return server;
}
