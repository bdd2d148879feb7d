/** Language tags: normalising, the best of a post's languages (exact, then primary subtag), Accept-Language, the sources' precedence, and a post's text in a language. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageFor, postLanguages, textIn } from './content-language';
import { acceptLanguage, bestLanguage, mayReplaceLanguage, normalizeLanguageTag } from './languages';

const POST = {
  title: 'Relay launches today',
  language: 'en',
  variants: { linkedin: ['We launched Relay.'], x: ['Relay is live!'] },
  translations: {
    de: { title: 'Relay startet heute', variants: { linkedin: ['Wir haben Relay gestartet.'] } },
    'pt-BR': { variants: { linkedin: ['Lançamos o Relay.'], x: ['Relay chegou!'] } },
  },
};

describe('language tags', () => {
  it('normalises case and underscores, and refuses what is not a tag', () => {
    expect(normalizeLanguageTag('de_at')).toBe('de-AT');
    expect(normalizeLanguageTag('EN-us')).toBe('en-US');
    expect(normalizeLanguageTag('zh-hant-tw')).toBe('zh-Hant-TW');
    for (const bad of ['', '*', 'German', 'de-', 42, null, 'e']) expect(normalizeLanguageTag(bad)).toBeUndefined();
  });

  it('picks the exact tag, else the bare primary, else another of the same primary, else none', () => {
    expect(bestLanguage('de-AT', ['en', 'de-AT', 'de'])).toBe('de-AT');
    expect(bestLanguage('de-AT', ['en', 'de-CH', 'de'])).toBe('de');
    expect(bestLanguage('de-AT', ['en', 'de-CH'])).toBe('de-CH');
    expect(bestLanguage('DE', ['en', 'de'])).toBe('de');
    expect(bestLanguage('fr', ['en', 'de'])).toBeUndefined();
    expect(bestLanguage(null, ['en'])).toBeUndefined();
  });

  it('always answers one of the available languages, or none when no primary subtag matches', () => {
    const tag = fc.constantFrom<string>('en', 'de', 'de-AT', 'de-CH', 'fr', 'fr-CA', 'pt-BR', 'pt');
    fc.assert(
      fc.property(tag, fc.array(tag), (wanted, available) => {
        const best = bestLanguage(wanted, available);
        const samePrimary = available.filter((each) => each.split('-')[0] === wanted.split('-')[0]);
        if (samePrimary.length === 0) return best === undefined;
        return best !== undefined && samePrimary.includes(best) && (!available.includes(wanted) || best === wanted);
      }),
    );
  });

  it('reads the most preferred language of an Accept-Language header', () => {
    expect(acceptLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de-DE');
    expect(acceptLanguage('en;q=0.5, fr-CA;q=0.9')).toBe('fr-CA');
    expect(acceptLanguage('*')).toBeUndefined();
    expect(acceptLanguage('de;q=0, en;q=0.1')).toBe('en');
    expect(acceptLanguage(undefined)).toBeUndefined();
  });

  it('lets a choice win over the company, and the company over the browser', () => {
    expect(mayReplaceLanguage(null, 'browser')).toBe(true);
    expect(mayReplaceLanguage('browser', 'idp')).toBe(true);
    expect(mayReplaceLanguage('idp', 'browser')).toBe(false);
    expect(mayReplaceLanguage('chosen', 'idp')).toBe(false);
    expect(mayReplaceLanguage('idp', 'idp')).toBe(true);
  });
});

describe('a post in a reader’s language', () => {
  it('lists its languages, its own first', () => {
    expect(postLanguages(POST)).toEqual(['en', 'de', 'pt-BR']);
  });

  it('gives a German reader the German title and LinkedIn text, and the default X text it lacks', () => {
    expect(languageFor(POST, 'de-AT')).toBe('de');
    expect(textIn(POST, 'de')).toEqual({
      title: 'Relay startet heute',
      language: 'de',
      variants: { linkedin: ['Wir haben Relay gestartet.'], x: ['Relay is live!'] },
    });
  });

  it('falls back to the post’s own language, and its title when a translation has none', () => {
    expect(languageFor(POST, 'fr')).toBe('en');
    expect(languageFor(POST, null)).toBe('en');
    expect(textIn(POST, 'en')).toEqual({ title: POST.title, language: 'en', variants: POST.variants });
    expect(languageFor(POST, 'pt')).toBe('pt-BR');
    expect(textIn(POST, 'pt-BR').title).toBe(POST.title);
  });
});
