/**
 * End-to-end tests: the built extension in Debian's Chromium (project `chromium`, tests/e2e) and in
 * Debian's firefox-esr (project `firefox`, tests/firefox: puppeteer-core over WebDriver BiDi, with
 * Playwright only as the runner), never a downloaded browser, against the real API on a loopback port. Two workers: each test launches its own browser and server,
 * so tests share nothing, and on a 2-core machine a test spends about half its time waiting (one
 * worker left a core idle and took over 25 minutes). RELAY_E2E_WORKERS=1 runs them one at a time. No retries: a
 * test that only passes the second time is a bug to find, not to hide.
 */
import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './tests/e2e/chromium';

export default defineConfig({
  globalSetup: ['./tests/e2e/global-setup.ts', './tests/firefox/global-setup.ts'],
  workers: Number(process.env.RELAY_E2E_WORKERS ?? 2),
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: {
    timeout: 5_000,
    // Visual comparisons (tests/e2e/visual.ts): a little anti-aliasing may differ between runs, a
    // moved or recoloured element may not.
    toHaveScreenshot: { maxDiffPixelRatio: 0.01, threshold: 0.2, animations: 'disabled', caret: 'hide', scale: 'css' },
  },
  // Baselines are checked in beside the specs; CI never writes one (a missing baseline fails).
  snapshotPathTemplate: 'tests/e2e/__screenshots__/{testFileName}/{arg}{ext}',
  updateSnapshots: process.env.CI ? 'none' : 'missing',
  projects: [
    { name: 'chromium', testDir: 'tests/e2e' },
    // Each test starts Firefox and installs the add-on itself; Playwright's browsers are not used.
    { name: 'firefox', testDir: 'tests/firefox', timeout: 90_000 },
  ],
  use: {
    // The fixtures launch the browser themselves; this only makes sure nothing else would ever
    // start (or ask to download) Playwright's own Chromium.
    launchOptions: { executablePath: chromiumExecutable() },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
