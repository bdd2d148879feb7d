/** Per-language guidelines: a language's banned terms add to the global ones, its disclosure replaces the global one, in the checks and the approved text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Guidelines } from '../schemas/guidelines';
import { approvedVariant } from './approved-text';
import { guidelinesFor } from './for-language';
import { mustFixFailures } from './publish-check';

const LINK = 'https://relay.example.com/r/Xy7Qm2Ka9P';
const GUIDELINES: Guidelines = {
  disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
  bannedTerms: [{ pattern: 'guaranteed returns', reason: 'Financial promotion rules' }],
  maxHashtags: 5,
  languages: {
    de: {
      bannedTerms: [{ pattern: 'garantierte Rendite', reason: 'Finanzwerbung' }],
      disclosure: { text: '#mitarbeiter', networks: ['linkedin'] },
    },
    fr: { bannedTerms: [{ pattern: 'rendement garanti', reason: 'Publicité financière' }] },
  },
};

describe('guidelinesFor', () => {
  it('adds German banned terms and the German disclosure for German and its regional tags', () => {
    for (const tag of ['de', 'de-AT', 'DE']) {
      expect(guidelinesFor(GUIDELINES, tag)).toEqual({
        disclosure: { text: '#mitarbeiter', networks: ['linkedin'] },
        bannedTerms: [GUIDELINES.bannedTerms[0], GUIDELINES.languages!.de!.bannedTerms![0]],
        maxHashtags: 5,
      });
    }
  });

  it('keeps the global disclosure for a language that has none of its own', () => {
    const french = guidelinesFor(GUIDELINES, 'fr-CA');
    expect(french.disclosure).toEqual(GUIDELINES.disclosure);
    expect(french.bannedTerms.map((term) => term.pattern)).toEqual(['guaranteed returns', 'rendement garanti']);
  });

  it('is the global rules, without per-language sections, for another language or none', () => {
    const { languages: _languages, ...global } = GUIDELINES;
    expect(guidelinesFor(GUIDELINES, 'ja')).toEqual(global);
    expect(guidelinesFor(GUIDELINES, null)).toEqual(global);
  });

  it('never drops a global banned term, whatever the language', () => {
    fc.assert(
      fc.property(fc.constantFrom(null, 'de', 'de-CH', 'fr', 'en', 'ja'), (language) => {
        const patterns = guidelinesFor(GUIDELINES, language).bannedTerms.map((term) => term.pattern);
        return patterns.includes('guaranteed returns') && !('languages' in guidelinesFor(GUIDELINES, language));
      }),
    );
  });

  it('appends the German disclosure to German text and the global one to English text', () => {
    expect(approvedVariant('Wir haben Relay gestartet.', 'linkedin', guidelinesFor(GUIDELINES, 'de'), LINK)).toMatch(
      /#mitarbeiter$/,
    );
    expect(approvedVariant('We launched Relay.', 'linkedin', guidelinesFor(GUIDELINES, 'en'), LINK)).toMatch(
      /#employee$/,
    );
  });
});

describe('the publish check per language', () => {
  it('checks each translation with its language’s terms and names the language', () => {
    const failures = mustFixFailures(
      {
        language: 'en',
        variants: { linkedin: ['Garantierte Rendite is not English.'] },
        networks: ['linkedin'],
        translations: { de: { variants: { linkedin: ['Garantierte Rendite für alle!'] } } },
      },
      GUIDELINES,
      LINK,
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ language: 'de', network: 'linkedin', variant: 0, kind: 'banned-term' });
  });

  it('leaves the language out for a post that names none', () => {
    const failures = mustFixFailures(
      { variants: { linkedin: ['guaranteed returns'] }, networks: ['linkedin'] },
      GUIDELINES,
      LINK,
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]).not.toHaveProperty('language');
  });
});
