/**
 * Where Debian's Chromium is and how the end-to-end tests start it. Branded Chrome 137+ ignores
 * --load-extension; Chromium keeps it. Nothing outside the machine can be reached, so every flag
 * that would make Chromium try (updates, sync, QUIC, DNS) is off.
 */
import { chromium, type Browser } from '@playwright/test';
import { chromiumCandidate } from '../../scripts/prerequisites/chromium';

/** The build under test: global-setup.ts makes one per run and names it here for the workers. */
export const EXTENSION_DIR_VARIABLE = 'RELAY_E2E_EXTENSION_DIR';

export function extensionDir(): string {
  const dir = process.env[EXTENSION_DIR_VARIABLE];
  if (!dir)
    throw new Error(
      `${EXTENSION_DIR_VARIABLE} is not set: run the tests with \`playwright test\` (global-setup.ts builds the extension)`,
    );
  return dir;
}

/** CHROMIUM_PATH, else `chromium` on PATH, else Debian's /usr/bin/chromium. */
export function chromiumExecutable(): string {
  return chromiumCandidate(process.env);
}

/** Flags for every Chromium the tests start, with or without the extension. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Nothing but loopback resolves (the rules apply to IP literals too): a request that escapes
  // the routes fails here, fast.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

export function chromiumArgs(extensionDir: string): string[] {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CHROMIUM_FLAGS];
}

/** Chromium without the extension, for the tests of the console and of the sites' own pages. */
export function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: [...CHROMIUM_FLAGS] });
}
