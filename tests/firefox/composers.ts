/**
 * The composers the Firefox suite runs in, one entry per site fixture choice (site, DOM generation,
 * and later language): where the composer lives, how a person opens it, and CSS selectors for its
 * editor, Post button and success signal (`>>>` pierces shadow roots, puppeteer's deep combinator).
 * The selectors describe the fixtures (as tests/e2e/composers.ts does), not the extension. To cover
 * another fixture, add an entry to FIREFOX_COMPOSERS; `inLanguage` gives a composer's German or
 * Japanese interface.
 */
import type { ComposerNetwork } from '../../lib/networks';
import type { FixtureLanguage, SiteChoice } from '../e2e/sites';

export interface FirefoxComposer {
  name: string;
  network: ComposerNetwork;
  sites: SiteChoice;
  /** The page to load. */
  url: string;
  /** What a person clicks to open the composer (absent for inline composers). */
  opener?: string;
  editor: string;
  postButton: string;
  /** The site's success signal after publishing. */
  success: string;
  /**
   * How Relay's adapter gets text into this editor first (its first insert method): a paste event,
   * or the browser's typing command.
   */
  inserts: 'paste' | 'typing';
}

const LINKEDIN_EDITOR = '[data-test-ql-editor-contenteditable="true"]';
const X_EDITOR = '[data-testid="tweetTextarea_0"][role="textbox"]';

export const linkedinOld: FirefoxComposer = {
  name: 'LinkedIn (Ember)',
  network: 'linkedin',
  sites: { linkedin: 'linkedin-old.html', x: 'x-modal.html' },
  url: 'https://www.linkedin.com/feed/',
  opener: 'button.share-box-feed-entry__trigger',
  editor: `#artdeco-modal-outlet ${LINKEDIN_EDITOR}`,
  postButton: '#artdeco-modal-outlet button.share-actions__primary-action',
  success: '.artdeco-toast-item__message',
  inserts: 'typing',
};

export const linkedinShadow: FirefoxComposer = {
  name: 'LinkedIn (shadow root)',
  network: 'linkedin',
  sites: { linkedin: 'linkedin-shadow.html', x: 'x-modal.html' },
  url: 'https://www.linkedin.com/feed/',
  // The share-box entry's trigger (a link to /preload/sharebox/?…), found as the e2e suite finds it.
  opener: '[data-view-name="share-box"] > :first-child',
  editor: `#interop-outlet >>> ${LINKEDIN_EDITOR}`,
  postButton: '#interop-outlet >>> button.share-actions__primary-action',
  success: '[role="alert"]',
  inserts: 'typing',
};

export const xModal: FirefoxComposer = {
  name: 'X (compose modal)',
  network: 'x',
  sites: { linkedin: 'linkedin-shadow.html', x: 'x-modal.html' },
  url: 'https://x.com/home',
  opener: '[data-testid="SideNav_NewTweet_Button"]',
  editor: `[role="dialog"] ${X_EDITOR}`,
  postButton: '[role="dialog"] button[data-testid="tweetButton"]',
  success: '[data-testid="toast"]',
  inserts: 'paste',
};

/** `composer` with its site's interface in `lang` (the fixtures' words.js): nothing Relay finds it by changes. */
export function inLanguage(composer: FirefoxComposer, lang: FixtureLanguage): FirefoxComposer {
  return { ...composer, name: `${composer.name} [${lang}]`, sites: { ...composer.sites, lang } };
}

/** Every composer the Firefox suite covers, in English (composer.spec.ts). */
export const FIREFOX_COMPOSERS: readonly FirefoxComposer[] = [linkedinOld, linkedinShadow, xModal];

/** Each composer in German and in Japanese (composer-languages.spec.ts). */
export const FIREFOX_LANGUAGE_COMPOSERS: readonly FirefoxComposer[] = (['de', 'ja'] as const).flatMap((lang) =>
  FIREFOX_COMPOSERS.map((composer) => inLanguage(composer, lang)),
);
