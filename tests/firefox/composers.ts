/**
 * The composers the Firefox suite runs in, one entry per site fixture choice (site, DOM generation,
 * and later language): where the composer lives, how a person opens it, and CSS selectors for its
 * editor, Post button and success signal (`>>>` pierces shadow roots, puppeteer's deep combinator).
 * The selectors describe the fixtures (as tests/e2e/composers.ts does), not the extension. To cover
 * another fixture (a German or Japanese LinkedIn, say), add an entry to FIREFOX_COMPOSERS.
 */
import type { ComposerNetwork } from '../../lib/networks';
import type { SiteChoice } from '../e2e/sites';

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
  opener: '[aria-label="Start a post"]',
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

/** Every composer the Firefox suite covers. */
export const FIREFOX_COMPOSERS: readonly FirefoxComposer[] = [linkedinOld, linkedinShadow, xModal];
