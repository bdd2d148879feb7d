/**
 * SiteSelectors (components/composer/selectors.ts) in a real browser (vitest runs without a DOM):
 * the module is bundled with esbuild into a blank page, and each use is checked against real
 * markup: overrides refused for unknown keys and invalid CSS, the fallback to the built-in when an
 * override matches nothing, and all / first / union / matches / closest with and without one.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Browser, type Page } from '@playwright/test';
import { launchPlainChromium } from './chromium';

const ENTRY = fileURLToPath(new URL('../../components/composer/selectors.ts', import.meta.url));

const MARKUP = `
<main>
  <div class="dialog" role="dialog">
    <div class="wrapper"><div class="new-editor" contenteditable="true"><p>text</p></div></div>
    <button class="post">Post</button>
  </div>
  <div class="dialog" role="dialog">
    <div class="wrapper"><div class="old-editor" contenteditable="true"></div></div>
  </div>
</main>`;

const test = base.extend<{ page: Page }, { plainBrowser: Browser; bundle: string }>({
  plainBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await launchPlainChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  bundle: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const result = await build({
        entryPoints: [ENTRY],
        bundle: true,
        format: 'iife',
        globalName: 'RelaySelectors',
        write: false,
        target: 'chrome116',
      });
      await use(result.outputFiles[0]!.text);
    },
    { scope: 'worker' },
  ],
  page: async ({ plainBrowser, bundle }, use) => {
    const page = await plainBrowser.newPage();
    await page.setContent(`<!doctype html><html><body>${MARKUP}</body></html>`);
    await page.addScriptTag({ content: bundle });
    await use(page);
    await page.close();
  },
});

/** Runs `body` in the page with a table { editor: '.old-editor', dialog: '.dialog', post: '.post' }. */
function inTable<T>(page: Page, body: string): Promise<T> {
  return page.evaluate((source) => {
    const { SiteSelectors } = (
      window as unknown as { RelaySelectors: typeof import('../../components/composer/selectors') }
    ).RelaySelectors;
    const table = new SiteSelectors({ editor: '.old-editor', dialog: '.dialog', post: '.post' });
    return new Function('table', 'document', source)(table, document) as T;
  }, body);
}

test('refuses unknown keys and invalid CSS, keeping the valid overrides', async ({ page }) => {
  const result = await inTable<{ refused: unknown; override: string | undefined; union: string }>(
    page,
    `const refused = table.setOverrides({ editor: '.new-editor', nope: '.x', post: 'button[[', dialog: '' });
     return { refused, override: table.override('editor'), union: table.union('editor', 'post') };`,
  );
  expect(result.refused).toEqual([
    { key: 'nope', reason: 'unknown-key' },
    { key: 'post', reason: 'invalid' },
    { key: 'dialog', reason: 'invalid' },
  ]);
  expect(result.override).toBe('.new-editor');
  expect(result.union).toBe('.new-editor, .old-editor, .post');
});

test('uses an override where it matches, and falls back to the built-in where it matches nothing', async ({ page }) => {
  const result = await inTable<Record<string, unknown>>(
    page,
    `const dialogs = document.querySelectorAll('.dialog');
     const before = table.all(document, 'editor').map((e) => e.className);
     table.setOverrides({ editor: '.new-editor' });
     return {
       before,
       withOverride: table.all(document, 'editor').map((e) => e.className),
       // In the second dialog the override matches nothing: the built-in is used there.
       fallback: table.all(dialogs[1], 'editor').map((e) => e.className),
       first: table.first(dialogs[1], 'editor')?.className,
       firstOverride: table.first(dialogs[0], 'editor')?.className,
       // A scope that is itself a match comes first.
       self: table.all(document.querySelector('.new-editor'), 'editor').length,
     };`,
  );
  expect(result).toEqual({
    before: ['old-editor'],
    withOverride: ['new-editor'],
    fallback: ['old-editor'],
    first: 'old-editor',
    firstOverride: 'new-editor',
    self: 1,
  });
});

test('matches and closest take the override or the built-in; clearing overrides restores the built-ins', async ({
  page,
}) => {
  const result = await inTable<Record<string, unknown>>(
    page,
    `const fresh = document.querySelector('.new-editor');
     const old = document.querySelector('.old-editor');
     const beforeMatch = table.matches(fresh, 'editor');
     table.setOverrides({ editor: '.new-editor', dialog: '.wrapper' });
     const matches = [table.matches(fresh, 'editor'), table.matches(old, 'editor')];
     // closest: the override's ancestor first (.wrapper), else the built-in's.
     const closest = table.closest(fresh, 'dialog')?.className;
     table.setOverrides({ dialog: '.nothing-here' });
     const closestFallback = table.closest(fresh, 'dialog')?.className;
     const unionAfter = table.union('editor', 'dialog');
     table.setOverrides({});
     return { beforeMatch, matches, closest, closestFallback, unionAfter, cleared: table.override('dialog') ?? null,
              union: table.union('editor', 'dialog') };`,
  );
  expect(result).toEqual({
    beforeMatch: false,
    matches: [true, true],
    closest: 'wrapper',
    closestFallback: 'dialog',
    unionAfter: '.old-editor, .nothing-here, .dialog',
    cleared: null,
    union: '.old-editor, .dialog',
  });
});
