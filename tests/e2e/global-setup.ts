/**
 * Builds the extension once per run (`wxt build`, no server URL baked in, so the setup screen asks
 * for one) into a directory of its own: runs side by side never load a half-written build, and
 * `npm start`'s .output is left alone. RELAY_E2E_EXTENSION_DIR=<a chrome-mv3 build> skips the
 * build and tests that one instead. The admin console (console/dist, which the test servers
 * serve at /admin) is built too when it is missing or older than its sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildConsoleSync, consoleIsStale } from '../../scripts/console';
import { chromiumExecutable, EXTENSION_DIR_VARIABLE } from './chromium';

export default function globalSetup(): (() => void) | undefined {
  const chromium = chromiumExecutable();
  if (!existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}. Install Debian's (apt-get install -y chromium: npm test does it when ` +
        'run as root) or set CHROMIUM_PATH; the end-to-end tests never download a browser.',
    );
  }
  if (consoleIsStale()) buildConsoleSync();
  const given = process.env[EXTENSION_DIR_VARIABLE];
  if (given) {
    if (!existsSync(join(given, 'manifest.json')))
      throw new Error(`${EXTENSION_DIR_VARIABLE}=${given} holds no manifest.json`);
    process.env[EXTENSION_DIR_VARIABLE] = resolve(given);
    return undefined;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'relay-e2e-build-'));
  const env: NodeJS.ProcessEnv = { ...process.env, RELAY_OUTPUT_DIR: outDir };
  delete env.RELAY_SERVER_URL;
  try {
    execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'inherit', 'inherit'], env });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  const extensionDir = join(outDir, 'chrome-mv3');
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`wxt build did not produce ${extensionDir}`);
  // Workers inherit the environment global setup leaves.
  process.env[EXTENSION_DIR_VARIABLE] = extensionDir;
  return () => rmSync(outDir, { recursive: true, force: true });
}
