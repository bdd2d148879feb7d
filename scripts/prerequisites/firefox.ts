/**
 * Firefox ESR for the Firefox end-to-end tests: found through FIREFOX_PATH, `firefox-esr` on PATH or
 * Debian's /usr/bin/firefox-esr; installed from Debian (`apt-get install -y firefox-esr`) when
 * missing and we are root with apt-get, else the exact command to run is printed (debian-browser.ts).
 */
import type { Step } from './step';
import { browserCandidate, browserFacts, planBrowser, type BrowserFacts, type DebianBrowser } from './debian-browser';

export const DEBIAN_FIREFOX = '/usr/bin/firefox-esr';

const FIREFOX: DebianBrowser = {
  what: 'Firefox ESR',
  variable: 'FIREFOX_PATH',
  command: 'firefox-esr',
  debianPath: DEBIAN_FIREFOX,
};

export type FirefoxFacts = BrowserFacts;

/** FIREFOX_PATH when set (whether or not it exists), else `firefox-esr` on PATH, else Debian's path. */
export function firefoxCandidate(env: NodeJS.ProcessEnv = process.env): string {
  return browserCandidate(FIREFOX, env);
}

export function firefoxFacts(env: NodeJS.ProcessEnv = process.env): FirefoxFacts {
  return browserFacts(FIREFOX, env);
}

export function planFirefox(facts: FirefoxFacts): Step {
  return planBrowser(FIREFOX, facts);
}
