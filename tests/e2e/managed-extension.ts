/** A force-installed Relay as an enterprise sets it up: a keyed copy of the build and a Chromium policy file for its id alone. */
import { generateKeyPairSync, createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's Chromium reads mandatory policies on Linux (Google Chrome: /etc/opt/chrome/policies/managed). */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

export interface ManagedExtension {
  dir: string;
  id: string;
  dispose(): void;
}

/** The extension id Chromium derives from a manifest key: SHA-256 of the public key, first 32 hex digits as a–p. */
export function extensionIdOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * A copy of the build at a path of its own with a manifest `key` (so its extension id is known
 * before Chromium loads it) and a policy file (/etc/chromium/policies/managed, Debian's Chromium on
 * Linux) whose `3rdparty` section sets Relay's managed storage for that id alone: other tests'
 * browsers load other ids and are unaffected. `dispose` removes both.
 */
export function managedExtension(buildDir: string, policy: Record<string, unknown>): ManagedExtension {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const id = extensionIdOf(der);
  const root = mkdtempSync(join(tmpdir(), 'relay-e2e-managed-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(buildDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: der.toString('base64') }));
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const policyFile = join(CHROMIUM_POLICY_DIR, `relay-e2e-${id}.json`);
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  return {
    dir,
    id,
    dispose() {
      rmSync(policyFile, { force: true });
      rmSync(root, { recursive: true, force: true });
    },
  };
}
