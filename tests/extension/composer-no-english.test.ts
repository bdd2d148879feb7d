/**
 * The LinkedIn and X adapters hold no words of the sites' interfaces (issue 18): those are
 * localised, so a selector or comparison in English finds nothing in Germany or Japan. Scans the
 * selector tables (no attribute selectors on labels, placeholders or titles, no text pseudo-classes)
 * and the adapters' code, comments aside (none of the English words the fixtures' interfaces show,
 * tests/e2e/sites/lib/words.js, and no reading of an element's text or label to compare it).
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { linkedinSelectors } from '../../entrypoints/linkedin.content/selectors';
import { xSelectors } from '../../entrypoints/x.content/selectors';
import type { SiteSelectors } from '../../components/composer/selectors';
import { withoutComments } from './source-scan';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const SOURCES = [
  'entrypoints/linkedin.content/adapter.ts',
  'lib/site-selectors/linkedin.ts',
  'entrypoints/x.content/adapter.ts',
  'lib/site-selectors/x.ts',
];

/** Attributes whose values the sites translate: a selector on them works in one language only. */
const LOCALISED_ATTRIBUTE =
  /\[\s*(aria-label|aria-placeholder|aria-description|aria-roledescription|title|alt|placeholder|data-placeholder)\s*[~|^$*]?=/i;
/** Selector extensions matching an element's text (jQuery, Playwright): never in the adapters. */
const TEXT_PSEUDO = /:(contains|has-text|text|text-is|text-matches)\(/i;
/** Code that reads an element's text or label, the way to compare it with words. */
const READS_WORDS =
  /\.(textContent|innerText|ariaLabel|title|placeholder)\b|getAttribute\(\s*['"](aria-label|title|placeholder|aria-placeholder)['"]/;

/** The English words of the fixtures' LinkedIn and X interfaces (what the real sites show in English). */
function englishWords(): string[] {
  const window: Record<string, unknown> = {};
  const document = { documentElement: { lang: 'en' } };
  runInNewContext(read('tests/e2e/sites/lib/words.js'), { window, document });
  const words = window.FixtureWords as { table(site: string, lang: string): Record<string, string> };
  const phrases = ['linkedin', 'x'].flatMap((site) => Object.values(words.table(site, 'en')));
  // A phrase with slots ("{n} comments") is checked by its fixed parts.
  const parts = phrases.flatMap((phrase) => phrase.split(/\{\w+\}/)).map((part) => part.trim().replace(/[.,:]$/, ''));
  return [...new Set(parts.filter((part) => /[A-Za-z]{2}/.test(part)))];
}

/** What in `code` (an adapter's or a table's source) names the interface's English words. */
function englishIn(code: string, words: readonly string[]): string[] {
  const bare = withoutComments(code);
  const found: string[] = [];
  for (const word of words) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Single words case-sensitively ("Post", not postButton); phrases in any case (/post successful/i).
    const flags = word.includes(' ') ? 'i' : '';
    if (new RegExp(`(?<![A-Za-z])${escaped}(?![A-Za-z])`, flags).test(bare)) found.push(word);
  }
  if (TEXT_PSEUDO.test(bare)) found.push('a text pseudo-class');
  if (LOCALISED_ATTRIBUTE.test(bare)) found.push('a selector on a localised attribute');
  if (READS_WORDS.test(bare)) found.push("reading an element's text or label");
  return found;
}

function selectorProblems(table: SiteSelectors<string>): string[] {
  return table.keys().flatMap((key) => {
    const selector = table.builtInOf(key);
    const problems: string[] = [];
    if (LOCALISED_ATTRIBUTE.test(selector)) problems.push(`${key}: a localised attribute in ${selector}`);
    if (TEXT_PSEUDO.test(selector)) problems.push(`${key}: a text pseudo-class in ${selector}`);
    return problems;
  });
}

describe('the adapters name no words of the sites’ interfaces', () => {
  const words = englishWords();

  it('knows the English words to look for', () => {
    for (const word of ['Post', 'Start a post', 'Post successful', 'Your post was sent', 'What is happening?!'])
      expect(words).toContain(word);
  });

  it('finds them where they are: the scan can fail', () => {
    const before = [
      'const SUCCESS_TEXT = /post successful/i;',
      "if (candidate.textContent?.trim() === 'Post') return candidate;",
      'trigger: \'[aria-label="Start a post"], a[href="/preload/sharebox/"]\',',
      'const SENT = /your post was sent/i;',
      'toast: \'div:contains("View")\',',
    ].join('\n');
    expect(englishIn(before, words)).toEqual(
      expect.arrayContaining([
        'Post',
        'Start a post',
        'Post successful',
        'Your post was sent',
        'a text pseudo-class',
        'a selector on a localised attribute',
        "reading an element's text or label",
      ]),
    );
    // Words in comments are prose, not matching: "// the Post button" is fine.
    expect(englishIn('// the Post button, "Post successful"\nconst postButton = 1;', words)).toEqual([]);
  });

  for (const path of SOURCES) {
    it(path, () => {
      expect(englishIn(read(path), words)).toEqual([]);
    });
  }

  it('selector tables: no localised attributes, no text pseudo-classes', () => {
    expect([...selectorProblems(linkedinSelectors), ...selectorProblems(xSelectors)]).toEqual([]);
  });
});
