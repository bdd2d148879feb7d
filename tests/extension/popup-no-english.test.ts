/**
 * The popup's and the composer UI's words all come from the catalogs (public/_locales, through
 * components/shared/i18n.ts): no English literal is left in their components. Scans the code,
 * comments aside, for text between JSX tags, user-facing attributes given a literal, and string or
 * template literals that read like words (two words or more); brand names and technical strings pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutComments } from './source-scan';

const root = new URL('../../', import.meta.url);
const files = (dir: string) =>
  readdirSync(new URL(dir, root))
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => `${dir}${file}`);

const SOURCES = [
  ...files('components/popup/'),
  ...files('components/composer/ui/'),
  'components/composer/stand-in.ts',
  'components/shared/connection-words.ts',
];

/** Names, not words: shown as they are in every language. */
const ALLOWED = new Set(['Relay', 'LinkedIn', 'X', 'Facebook', 'Bluesky', 'noopener noreferrer']);
/** Code, CSS, storage keys and selectors rather than words: `relay:first-render`, `(check: Check`, `a:b;`. */
const CODE_LIKE = /[{};=()[\]]|\w:\w|\w\.\w|--|^\s*:/;
/** Lines that hold strings nobody reads in the interface (logs, internal errors, CSS, DOM queries). */
const TECHNICAL_LINE =
  /console\.|throw new Error|new Error\(|warnOnce\(|guarded\(|querySelector|matchMedia|getPropertyValue|cssVar\(|font:|performance\.|import |event\.key|key ===|class(Name)?=|setAttribute\('(class|aria-keyshortcuts|aria-haspopup)/;

/** What in `code` reads like English a person would see. */
export function englishIn(code: string): string[] {
  const found: string[] = [];
  const lines = withoutComments(code).split('\n');
  for (const line of lines) {
    if (TECHNICAL_LINE.test(line)) continue;
    // Text between tags: `>Share<`, or a line of JSX text on its own.
    for (const match of line.matchAll(/(?<![=-])>([^<>{}]*[A-Za-z]{2,}[^<>{}]*)<(?!\w+[,>])/g))
      found.push(match[1]!.trim());
    const bare = line.trim();
    if (/^[A-Z][a-z]+(\s+[A-Za-z'’,.]+)*[.…]?$/.test(bare) && !/[=;(){}]/.test(bare)) found.push(bare);
    // User-facing attributes with a literal value.
    for (const match of line.matchAll(
      /\b(aria-label|title|placeholder|label|legend|hint|alt)="([^"]*[A-Za-z]{2,}[^"]*)"/g,
    ))
      found.push(match[2]!);
    // String and template literals of two words or more ("Sync now", `Shared on ${x}`).
    for (const match of line.matchAll(/(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g)) {
      const text = match[2]!.replace(/\$\{[^}]*\}/g, ' ');
      if (/\b[A-Z]?[a-z]+[ ,:]+[a-z]{2,}\b/.test(text) || /^[A-Z][a-z]+[.…!]?$/.test(text.trim()))
        found.push(match[2]!);
    }
  }
  return [...new Set(found)].filter(
    (text) => text && !ALLOWED.has(text) && !CODE_LIKE.test(text.replace(/\$\{[^}]*\}/g, '')),
  );
}

describe('the popup and the composer UI hold no English of their own', () => {
  it('finds English where it is: the scan can fail', () => {
    const before = [
      '<button type="button">Sync now</button>',
      '        Not shared yet',
      '<input placeholder="Search posts" />',
      "const label = busy ? 'Signing out…' : 'Copy';",
      'return `Shared on ${label}`;',
      '<span class="relay-brand">Relay</span>',
      "console.error('Relay popup crashed while rendering', error);",
      '// Sync now, in a comment',
      "<button aria-label={t('popup_account')}>{t('popup_sync_now')}</button>",
    ].join('\n');
    expect(englishIn(before)).toEqual([
      'Sync now',
      'Not shared yet',
      'Search posts',
      'Signing out…',
      'Copy',
      'Shared on ${label}',
    ]);
  });

  for (const path of SOURCES) {
    it(path, () => {
      expect(englishIn(readFileSync(new URL(path, root), 'utf8'))).toEqual([]);
    });
  }
});
