/** The setup tab on first install (entrypoints/background/welcome.ts): only on a new install, and never when the policy sets the server. */
import { describe, expect, it } from 'vitest';
import { NO_POLICY } from '../../entrypoints/background/policy';
import { opensSetupOnInstall } from '../../entrypoints/background/welcome';

describe('the setup tab on install', () => {
  it('opens on a new install without a policy', () => {
    expect(opensSetupOnInstall('install', NO_POLICY)).toBe(true);
    expect(opensSetupOnInstall('install', { serverUrl: null, signIn: 'invite' })).toBe(true);
  });

  it('stays shut on updates, browser updates and shared-module installs', () => {
    for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update'])
      expect(opensSetupOnInstall(reason, NO_POLICY)).toBe(false);
  });

  it('stays shut when the organisation set the server by policy (zero-touch signs in)', () => {
    for (const signIn of ['sso', 'invite', 'both', null] as const)
      expect(opensSetupOnInstall('install', { serverUrl: 'https://relay.example.com', signIn })).toBe(false);
  });
});
