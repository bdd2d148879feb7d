/**
 * The extension's catalogs (public/_locales/<lang>/messages.json): every language has every key of
 * English with the same {slots}, no empty message, and its own `locale_tag`; every key the code
 * uses exists; the hints' keys cover every message key lib/guidelines produces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_RELAY_MAY_SEND, DATA_RELAY_SENDS } from '../../lib/data-collection';
import { checkPost, GUIDELINE_RULES } from '../../lib/guidelines';
import { COMPOSER_NETWORKS, networkLabel } from '../../lib/networks';
import type { Guidelines } from '../../lib/schemas';

type Catalog = Record<string, { message: string; description?: string }>;

const root = new URL('../../', import.meta.url);
const LOCALES = new URL('public/_locales/', root);
const languages = readdirSync(LOCALES).sort();
const catalog = (language: string): Catalog =>
  JSON.parse(readFileSync(new URL(`${language}/messages.json`, LOCALES), 'utf8')) as Catalog;
const en = catalog('en');

const PLURAL_FORM = /_(zero|one|two|few|many|other)$/;
const slots = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** Source files under `dir` (recursively) ending in .ts or .tsx, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(new URL(dir, root), { recursive: true, withFileTypes: false })
    .map(String)
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
    .map((file) => `${dir}${file}`);
}

const CODE = [...sources('components/'), ...sources('entrypoints/'), ...sources('lib/guidelines/')].map((path) => ({
  path,
  code: readFileSync(new URL(path, root), 'utf8'),
}));

describe('the extension’s catalogs', () => {
  it('English, German, French and Spanish at least', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es']));
  });

  for (const language of languages) {
    it(`${language}: every English key, the same {slots}, nothing empty, its own locale_tag`, () => {
      const messages = catalog(language);
      const problems: string[] = [];
      for (const [key, { message }] of Object.entries(en)) {
        const plural = key.match(PLURAL_FORM);
        const own = messages[key]?.message;
        // A plural form English has (one, other) may be absent where the language has no such form… but
        // German, French and Spanish all have one and other, so each is required.
        if (own === undefined) problems.push(`${key}: missing`);
        else if (own.trim() === '') problems.push(`${key}: empty`);
        else if (!plural && slots(own).join() !== slots(message).join())
          problems.push(`${key}: slots ${slots(own).join()} instead of ${slots(message).join()}`);
        else if (plural) {
          // Plural forms may leave {count} out ("la dernière semaine"), never add a slot English lacks.
          const allowed = new Set([...slots(message), 'count']);
          const extra = slots(own).filter((slot) => !allowed.has(slot));
          if (extra.length) problems.push(`${key}: unknown slots ${extra.join()}`);
        }
        if (/\$/.test(own ?? '')) problems.push(`${key}: a $ (the browser's placeholder sign)`);
      }
      for (const key of Object.keys(messages)) {
        const base = key.replace(PLURAL_FORM, '');
        if (!(key in en) && !(PLURAL_FORM.test(key) && `${base}_other` in en)) problems.push(`${key}: not in English`);
      }
      expect(problems).toEqual([]);
      expect(messages.locale_tag?.message).toBe(language);
    });
  }

  it('keys are names the browser takes', () => {
    for (const language of languages)
      for (const key of Object.keys(catalog(language))) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('every key the code names exists in English', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const { path, code } of CODE) {
      for (const match of code.matchAll(/\b(t|tp|tMaybe)\(\s*'([a-z0-9_]+)'/g)) {
        seen++;
        const [, fn, key] = match;
        const known = fn === 'tp' ? `${key}_other` in en && `${key}_one` in en : key! in en;
        if (!known) missing.push(`${path}: ${fn}('${key}')`);
      }
      // Keys in tables: 'popup_…' / 'work_…' values of `as const` maps and plural(…, 'key').
      for (const match of code.matchAll(/plural\([^,]+,\s*'([a-z0-9_]+)'\)/g)) {
        seen++;
        if (!(`${match[1]}_other` in en)) missing.push(`${path}: plural(…, '${match[1]}')`);
      }
    }
    expect(seen).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it('every hint lib/guidelines gives has its message, with a slot for each of its params', () => {
    const guidelines: Guidelines = {
      disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
      bannedTerms: [
        { pattern: 'free money', reason: 'sounds like spam' },
        { pattern: 'guaranteed', reason: '' },
      ],
      maxHashtags: 1,
      dailyShareCap: 1,
    };
    const suggestion = 'Free money, guaranteed #a #b #c';
    const hints = [
      ...checkPost(suggestion, { network: 'x', guidelines, suggestion, sharesToday: 3 }),
      ...checkPost('x'.repeat(300), { network: 'x', guidelines }),
      ...checkPost('x'.repeat(3100), { network: 'linkedin', guidelines }),
      ...checkPost('#employee #a #b', { network: 'x', guidelines }),
    ];
    const keys = new Set(hints.map((hint) => hint.messageKey));
    for (const kind of GUIDELINE_RULES.map((rule) => rule.kind)) expect(hints.map((hint) => hint.kind)).toContain(kind);
    expect([...keys].sort()).toEqual(
      [
        'banned_term',
        'banned_term_reason',
        'daily_cap',
        'disclosure',
        'identical',
        'too_long',
        'too_long_weighted',
        'too_many_hashtags',
        'too_many_hashtags_exempt',
      ].sort(),
    );
    for (const hint of hints) {
      const message = en[`hint_${hint.messageKey}`]?.message;
      expect(message, hint.messageKey).toBeDefined();
      const used = slots(message!);
      for (const slot of used) expect(Object.keys(hint.params ?? {}), `${hint.messageKey}: {${slot}}`).toContain(slot);
      if (hint.fix) expect(en[`hint_${hint.messageKey}_fix`], `${hint.messageKey}_fix`).toBeDefined();
    }
  });

  it('the description names the networks whose composers Relay joins; the disclosures match lib’s English', () => {
    for (const id of COMPOSER_NETWORKS) expect(en.ext_description!.message).toContain(networkLabel(id));
    for (const sent of [...DATA_RELAY_SENDS, ...DATA_RELAY_MAY_SEND])
      expect(en[`collects_${sent.category}`]?.message).toBe(sent.disclosure);
  });
});
