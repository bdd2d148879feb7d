/**
 * The composers of the site fixtures, described once for the fixture tests (sites.spec.ts) and the
 * content-script tests (composer-*.spec.ts): where each lives, how a person opens it, its editor,
 * its post button and what the site shows once the post is published. The selectors are the ones
 * composers.md documents; they describe the fixtures, not the extension.
 */
import type { Locator, Page } from '@playwright/test';
import type { ComposerNetwork } from '../../lib/networks';
import type { FixtureLanguage, FixtureOptions, SiteChoice } from './sites';

export interface ComposerCase {
  name: string;
  network: ComposerNetwork;
  sites: SiteChoice;
  /** The page to load. */
  url: string;
  /** Opens the composer on the loaded page, as a person would (inline composers are open already). */
  open(page: Page): Promise<void>;
  editor(page: Page): Locator;
  postButton(page: Page): Locator;
  /** The site's success signal after publishing. */
  success(page: Page): Locator;
  /** The composer's modal, for modal composers (it closes after publishing; inline composers clear). */
  modal?(page: Page): Locator;
  reply: boolean;
}

const LINKEDIN_EDITOR = '[data-test-ql-editor-contenteditable="true"]';

export const linkedinOld: ComposerCase = {
  name: 'LinkedIn (Ember)',
  network: 'linkedin',
  sites: { linkedin: 'linkedin-old.html', x: 'x-modal.html' },
  url: 'https://www.linkedin.com/feed/',
  open: (page) => page.locator('button.share-box-feed-entry__trigger').click(),
  editor: (page) => page.locator(`#artdeco-modal-outlet ${LINKEDIN_EDITOR}`),
  postButton: (page) => page.locator('#artdeco-modal-outlet button.share-actions__primary-action'),
  success: (page) => page.locator('.artdeco-toast-item__message'),
  modal: (page) => page.locator('#artdeco-modal-outlet [data-test-modal-id="sharebox"]'),
  reply: false,
};

export const linkedinShadow: ComposerCase = {
  name: 'LinkedIn (shadow root)',
  network: 'linkedin',
  sites: { linkedin: 'linkedin-shadow.html', x: 'x-modal.html' },
  url: 'https://www.linkedin.com/feed/',
  // The share-box entry's trigger: a link to /preload/sharebox/?…, or a plain div (option trigger: 'div').
  open: (page) => page.locator('[data-view-name="share-box"] > :first-child').click(),
  // Playwright's CSS engine pierces open shadow roots; document.querySelector does not.
  editor: (page) => page.locator(`#interop-outlet ${LINKEDIN_EDITOR}`),
  // The footer's primary button: Post, with or without its class (option postButton: 'bare').
  postButton: (page) =>
    page.locator('#interop-outlet .share-creation-state__footer button.artdeco-button--primary').last(),
  // In any language: the toast linking the new post (share, activity or ugcPost URN).
  success: (page) => page.getByRole('alert').filter({ has: page.locator('a[href^="/feed/update/urn:li:"]') }),
  modal: (page) => page.locator('#interop-outlet [data-test-modal-id="sharebox"][role="dialog"]'),
  reply: false,
};

/** `composer` with its site's interface in `lang`, and the fixture's `options`. */
export function inLanguage(composer: ComposerCase, lang: FixtureLanguage, options?: FixtureOptions): ComposerCase {
  const variation = options ? ` ${JSON.stringify(options)}` : '';
  return { ...composer, name: `${composer.name} [${lang}]${variation}`, sites: { ...composer.sites, lang, options } };
}

export const linkedinUnknown: ComposerCase = {
  name: 'LinkedIn (unknown generation)',
  network: 'linkedin',
  sites: { linkedin: 'linkedin-unknown.html', x: 'x-modal.html' },
  url: 'https://www.linkedin.com/feed/',
  open: (page) => page.getByRole('button', { name: 'Create a post' }).click(),
  editor: (page) => page.getByRole('textbox', { name: 'Write your post' }),
  postButton: (page) => page.getByRole('dialog', { name: 'New post' }).getByRole('button', { name: 'Publish' }),
  success: (page) => page.getByRole('alert').filter({ hasText: 'Post successful' }),
  modal: (page) => page.getByRole('dialog', { name: 'New post' }),
  reply: false,
};

const X_EDITOR = '[data-testid="tweetTextarea_0"][role="textbox"]';

export const xModal: ComposerCase = {
  name: 'X (compose modal)',
  network: 'x',
  sites: { linkedin: 'linkedin-shadow.html', x: 'x-modal.html' },
  url: 'https://x.com/home',
  open: (page) => page.locator('[data-testid="SideNav_NewTweet_Button"]').click(),
  editor: (page) => page.locator(`[role="dialog"] ${X_EDITOR}`),
  postButton: (page) => page.locator('[role="dialog"] button[data-testid="tweetButton"]'),
  success: (page) => page.locator('[data-testid="toast"]'),
  modal: (page) => page.locator('[role="dialog"]'),
  reply: false,
};

export const xReplyModal: ComposerCase = {
  name: 'X (reply modal)',
  network: 'x',
  sites: { linkedin: 'linkedin-shadow.html', x: 'x-modal.html' },
  url: 'https://x.com/home',
  open: (page) => page.locator('article[data-testid="tweet"] [data-testid="reply"]').first().click(),
  editor: (page) => page.locator(`[role="dialog"] ${X_EDITOR}`),
  postButton: (page) => page.locator('[role="dialog"] button[data-testid="tweetButton"]'),
  success: (page) => page.locator('[data-testid="toast"]'),
  modal: (page) => page.locator('[role="dialog"]'),
  reply: true,
};

export const xInline: ComposerCase = {
  name: 'X (inline home composer)',
  network: 'x',
  sites: { linkedin: 'linkedin-shadow.html', x: 'x-inline.html' },
  url: 'https://x.com/home',
  open: async () => {},
  editor: (page) => page.locator(`[data-testid="primaryColumn"] ${X_EDITOR}`),
  postButton: (page) => page.locator('[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]'),
  success: (page) => page.locator('[data-testid="toast"]'),
  reply: false,
};

export const xInlineReply: ComposerCase = {
  name: 'X (inline reply on a status page)',
  network: 'x',
  sites: { linkedin: 'linkedin-shadow.html', x: 'x-inline.html' },
  url: 'https://x.com/grace_nakamura/status/7200000000000012345',
  open: async () => {},
  editor: (page) => page.locator(`[data-testid="primaryColumn"] ${X_EDITOR}`),
  postButton: (page) => page.locator('[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]'),
  success: (page) => page.locator('[data-testid="toast"]'),
  reply: true,
};
