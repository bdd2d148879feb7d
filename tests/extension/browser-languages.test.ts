/** The Accept-Language the extension sends: its interface language first, then the browser's list, deduplicated and weighted. */
import { describe, expect, it } from 'vitest';
import { acceptLanguageHeader } from '../../entrypoints/background/browser-languages';

describe('acceptLanguageHeader', () => {
  it('puts the interface language first and weights the rest', () => {
    expect(acceptLanguageHeader({ uiLanguage: () => 'de', languages: ['de-DE', 'de', 'en-US'] })).toBe(
      'de,de-de;q=0.9,en-us;q=0.8',
    );
  });

  it('reads Chrome’s underscore tags and drops what is not a tag', () => {
    expect(acceptLanguageHeader({ uiLanguage: () => 'pt_BR', languages: ['', '*', 'fr'] })).toBe('pt-br,fr;q=0.9');
  });

  it('puts the language of the catalog the browser picked first, unless it is the default', () => {
    expect(acceptLanguageHeader({ catalogLanguage: () => 'de', uiLanguage: () => 'en-US', languages: ['en-US'] })).toBe(
      'de,en-us;q=0.9',
    );
    expect(acceptLanguageHeader({ catalogLanguage: () => 'en', uiLanguage: () => 'nl', languages: ['nl-BE'] })).toBe(
      'nl,nl-be;q=0.9',
    );
  });

  it('says nothing when the browser says nothing usable', () => {
    expect(acceptLanguageHeader({ uiLanguage: () => undefined, languages: [] })).toBeUndefined();
    expect(
      acceptLanguageHeader({
        uiLanguage: () => {
          throw new Error('no i18n here');
        },
      }),
    ).toBeUndefined();
  });
});
