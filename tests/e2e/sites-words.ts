/** Reads which English interface words a fixture page still shows (tests/e2e/sites/lib/words.js), for the language checks of sites-*.spec.ts. */
import type { Page } from '@playwright/test';
import type { FixtureLanguage } from './sites';

/**
 * The English words of `site`'s interface (those `lang` doesn't use too) that the page shows
 * now: as an element's own text or an attribute's value (labels, placeholders), in the document
 * and its open shadow roots. People's posts are content, not interface, and are left out.
 */
export function englishShown(page: Page, site: 'linkedin' | 'x', lang: FixtureLanguage): Promise<string[]> {
  return page.evaluate(
    ([site, lang]) => {
      type Words = { table(site: string, lang: string): Record<string, string> };
      const words = (window as unknown as { FixtureWords: Words }).FixtureWords;
      const english = words.table(site, 'en');
      const local = words.table(site, lang);
      const slot = /\{\w+\}/g;
      // Words the language shares with English ("Video", German's "Post") are its own too.
      const own = new Set(Object.values(local));
      const wanted = Object.keys(english)
        .filter((key) => key !== 'title' && !own.has(english[key]!))
        .map((key) => english[key]!);
      /** An English word as a pattern: its slots ("{n} comments") stand for any number. */
      const patterns = wanted.map((word) => {
        const parts = word.split(slot).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        return { word, pattern: new RegExp(`^${parts.join('\\d+')}$`) };
      });
      const CONTENT =
        '[data-view-name="feed-commentary"], .feed-post__text, [data-testid="tweetText"], .feed-post__actor, .update-components-actor, [data-testid="User-Name"]';
      const ATTRIBUTES = ['aria-label', 'aria-placeholder', 'data-placeholder', 'placeholder', 'title', 'alt'];
      const shown = new Set<string>();
      const check = (value: string | null) => {
        const text = value?.replace(/\s+/g, ' ').trim();
        if (!text) return;
        for (const { word, pattern } of patterns)
          if (pattern.test(text) || (word.includes(' ') && text.includes(word))) shown.add(word);
      };
      const visit = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot) visit(element.shadowRoot);
          if (element.closest(CONTENT) || element.localName === 'script' || element.localName === 'style') continue;
          for (const name of ATTRIBUTES) check(element.getAttribute(name));
          const own = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
          check(own.map((node) => node.textContent).join(' '));
        }
      };
      visit(document);
      check(document.title);
      return [...shown];
    },
    [site, lang] as const,
  );
}
