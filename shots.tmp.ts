import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startTestIdp } from './tests/helpers/oidc-provider';
import { startSsoServer } from './tests/helpers/sso';
import { chromiumArgs, chromiumExecutable } from './tests/e2e/chromium';
import { managedExtension } from './tests/e2e/managed-extension';

const idp = await startTestIdp();
const server = await startSsoServer(idp);
const cases: [string, Record<string, unknown> | null][] = [
  ['sso', { serverUrl: server.url, signIn: 'sso' }],
  ['both', { serverUrl: server.url, signIn: 'both' }],
  ['invite', { serverUrl: server.url, signIn: 'invite' }],
  ['nopolicy', {}],
];
for (const [name, policy] of cases) {
  const managed = managedExtension('/tmp/relay-shot-build/chrome-mv3', policy ?? {});
  for (const scheme of ['light', 'dark'] as const) {
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shot-')), {
      executablePath: chromiumExecutable(),
      headless: true,
      colorScheme: scheme,
      viewport: { width: 390, height: 640 },
      args: chromiumArgs(managed.dir),
    });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${managed.id}/popup.html`);
    if (name === 'nopolicy') await page.getByLabel('Server URL').fill(server.url);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/shots/${name}-${scheme}.png`, fullPage: true });
    await context.close();
  }
  managed.dispose();
}
await server.stop();
await idp.close();
