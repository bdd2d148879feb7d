/**
 * Builds the Firefox add-on once per run (`wxt build -b firefox`, no server URL baked in) into a
 * directory of its own, as tests/e2e/global-setup.ts does for Chromium, and checks firefox-esr is
 * there. RELAY_E2E_FIREFOX_EXTENSION_DIR=<a firefox-mv2 build> skips the build and tests that one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIREFOX_EXTENSION_DIR_VARIABLE, firefoxExecutable } from './firefox';

/**
 * Where `wxt build -b firefox` writes. The Firefox add-on stays Manifest V2 (WXT's default, which
 * AMO accepts): host permissions are plain permissions there, granted at install, and the
 * background's code takes `action ?? browserAction` and an event page as well as a worker. This
 * suite is what shows MV2 works; an MV3 Firefox build has not been tried.
 */
export const FIREFOX_BUILD = 'firefox-mv2';

export default function globalSetup(): (() => void) | undefined {
  const firefox = firefoxExecutable();
  if (!existsSync(firefox)) {
    throw new Error(
      `Firefox not found at ${firefox}. Install Debian's (apt-get install -y firefox-esr: npm test does it when ` +
        'run as root) or set FIREFOX_PATH; the end-to-end tests never download a browser.',
    );
  }
  const given = process.env[FIREFOX_EXTENSION_DIR_VARIABLE];
  if (given) {
    if (!existsSync(join(given, 'manifest.json')))
      throw new Error(`${FIREFOX_EXTENSION_DIR_VARIABLE}=${given} holds no manifest.json`);
    process.env[FIREFOX_EXTENSION_DIR_VARIABLE] = resolve(given);
    return undefined;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'relay-e2e-firefox-build-'));
  const env: NodeJS.ProcessEnv = { ...process.env, RELAY_OUTPUT_DIR: outDir };
  delete env.RELAY_SERVER_URL;
  try {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: ['ignore', 'inherit', 'inherit'], env });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  const extensionDir = join(outDir, FIREFOX_BUILD);
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`wxt build did not produce ${extensionDir}`);
  process.env[FIREFOX_EXTENSION_DIR_VARIABLE] = extensionDir;
  return () => rmSync(outDir, { recursive: true, force: true });
}
