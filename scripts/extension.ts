/**
 * For `npm start`: builds the extension pointed at the local API, then opens Chromium with it
 * loaded where a display exists, or says how to load it by hand.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const EXTENSION_DIR = resolve(process.env.RELAY_OUTPUT_DIR || '.output', 'chrome-mv3');
const FIREFOX_DIR = resolve(process.env.RELAY_OUTPUT_DIR || '.output', 'firefox-mv2');

/** Chromium's id for an unpacked extension: SHA-256 of its path, first 32 hex digits mapped to a–p. */
export function unpackedExtensionId(path: string): string {
  return [...createHash('sha256').update(path).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}

export function buildExtension(serverUrl: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], {
      env: { ...process.env, RELAY_SERVER_URL: serverUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`wxt build failed (exit ${code}):\n${output.slice(-2000)}`)),
    );
  });
}

export function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'microsoft-edge']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return null;
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
}

/** Opens Chromium on a profile of its own with the extension loaded and its popup in a tab. */
export function openChromium(binary: string): string {
  const id = unpackedExtensionId(EXTENSION_DIR);
  const child = spawn(
    binary,
    [
      `--user-data-dir=${resolve('data/chromium-profile')}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-first-run',
      '--no-default-browser-check',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `chrome-extension://${id}/popup.html`,
      'https://www.linkedin.com/feed/',
    ],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  return id;
}

/** How to load the build by hand; the Firefox build needs the server URL too, or it asks for it at setup. */
export function manualLoadInstructions(serverUrl: string): string {
  return [
    `  Load the extension: open chrome://extensions, turn on "Developer mode", click "Load unpacked"`,
    `  and choose ${EXTENSION_DIR}. Firefox: RELAY_SERVER_URL=${serverUrl} npm run build:firefox,`,
    `  then about:debugging → This Firefox → Load Temporary Add-on → ${FIREFOX_DIR}/manifest.json.`,
  ].join('\n');
}

export function extensionBuilt(): boolean {
  return existsSync(resolve(EXTENSION_DIR, 'manifest.json'));
}
