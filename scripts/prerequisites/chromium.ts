/**
 * Chromium for the end-to-end tests: found through CHROMIUM_PATH, `chromium` on PATH or Debian's
 * /usr/bin/chromium; installed from Debian (`apt-get install -y chromium`) when missing and we are
 * root with apt-get, else the exact command to run is printed (debian-browser.ts).
 */
import type { Step } from './step';
import { browserCandidate, browserFacts, planBrowser, type BrowserFacts, type DebianBrowser } from './debian-browser';

export { onPath } from './debian-browser';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const CHROMIUM: DebianBrowser = {
  what: 'Chromium',
  variable: 'CHROMIUM_PATH',
  command: 'chromium',
  debianPath: DEBIAN_CHROMIUM,
};

export type ChromiumFacts = BrowserFacts;

/** CHROMIUM_PATH when set (whether or not it exists), else `chromium` on PATH, else Debian's path. */
export function chromiumCandidate(env: NodeJS.ProcessEnv = process.env): string {
  return browserCandidate(CHROMIUM, env);
}

export function chromiumFacts(env: NodeJS.ProcessEnv = process.env): ChromiumFacts {
  return browserFacts(CHROMIUM, env);
}

export function planChromium(facts: ChromiumFacts): Step {
  return planBrowser(CHROMIUM, facts);
}
