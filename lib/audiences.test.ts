import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advocateAudience,
  audienceFingerprint,
  compileAudience,
  inAudience,
  normaliseAudienceEntry,
  parseAudienceEntry,
  primaryLanguage,
} from './audiences';

const groupId = fc.constantFrom('g-sales', 'g-marketing', 'g-eng', 'g-support');
const region = fc.constantFrom('DE', 'FR', 'US', 'de');
const language = fc.constantFrom('de', 'fr', 'en', 'DE');
const entry = fc.oneof(
  groupId,
  region.map((code) => `region:${code}`),
  language.map((tag) => `language:${tag}`),
);
const advocate = fc.record({
  groups: fc.uniqueArray(groupId, { maxLength: 3 }),
  region: fc.option(region, { nil: null }),
  language: fc.option(fc.constantFrom('de', 'de-AT', 'fr-CH', 'en-GB', 'EN'), { nil: null }),
});

/** The rule as the design states it, written out plainly, to check the fast one against. */
function reference(entries: string[], who: { groups: string[]; region: string | null; language: string | null }) {
  const of = (prefix: string) =>
    entries.filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length).toLowerCase());
  const groups = entries.filter((e) => !e.includes(':'));
  const regions = of('region:');
  const languages = of('language:');
  const primary = who.language?.split('-')[0]?.toLowerCase();
  return (
    (groups.length === 0 || groups.some((g) => who.groups.includes(g))) &&
    (regions.length === 0 || (who.region !== null && regions.includes(who.region.toLowerCase()))) &&
    (languages.length === 0 || (primary !== undefined && languages.includes(primary)))
  );
}

describe('inAudience', () => {
  it('agrees with the stated rule: per kind named, at least one match; nothing named is everyone', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), advocate, (entries, who) => {
        expect(inAudience(compileAudience(entries), advocateAudience(who))).toBe(reference(entries, who));
      }),
    );
  });

  it('never narrows when an entry of a kind already named is added (OR within a kind)', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), advocate, groupId, (entries, who, extra) => {
        const before = inAudience(compileAudience(entries), advocateAudience(who));
        const named = entries.some((e) => !e.includes(':'));
        const after = inAudience(compileAudience([...entries, extra]), advocateAudience(who));
        if (named && before) expect(after).toBe(true);
      }),
    );
  });

  it('matches "Sales or Marketing, in DE" and languages by primary subtag', () => {
    const post = compileAudience(['g-sales', 'g-marketing', 'region:DE']);
    expect(inAudience(post, advocateAudience({ groups: ['g-sales'], region: 'de' }))).toBe(true);
    expect(inAudience(post, advocateAudience({ groups: ['g-marketing'], region: 'FR' }))).toBe(false);
    expect(inAudience(post, advocateAudience({ groups: ['g-eng'], region: 'DE' }))).toBe(false);
    expect(inAudience(post, advocateAudience({ groups: ['g-sales'], region: null }))).toBe(false);
    const german = compileAudience(['language:de']);
    expect(inAudience(german, advocateAudience({ groups: [], language: 'de-AT' }))).toBe(true);
    expect(inAudience(german, advocateAudience({ groups: [], language: 'en' }))).toBe(false);
    expect(inAudience(compileAudience([]), advocateAudience({ groups: [] }))).toBe(true);
  });
});

describe('entries', () => {
  it('normalises regions upper-case and languages lower-case, refusing other forms', () => {
    expect(normaliseAudienceEntry('region:de')).toBe('region:DE');
    expect(normaliseAudienceEntry('language:DE')).toBe('language:de');
    expect(normaliseAudienceEntry('abc123')).toBe('abc123');
    for (const bad of ['region:', 'language:de-AT', 'language:x', 'team:x', 'has space', 'region:a b']) {
      expect(parseAudienceEntry(bad), bad).toBeNull();
    }
  });

  it('fingerprints change with groups or region, not with their order or the language (sync marks that apart)', () => {
    const a = advocateAudience({ groups: ['x', 'y'], region: 'DE', language: 'de' });
    expect(audienceFingerprint(a)).toBe(
      audienceFingerprint(advocateAudience({ groups: ['y', 'x'], region: 'de', language: 'fr' })),
    );
    expect(audienceFingerprint(a)).not.toBe(
      audienceFingerprint(advocateAudience({ groups: ['x'], region: 'DE', language: 'de' })),
    );
    expect(audienceFingerprint(a)).not.toBe(
      audienceFingerprint(advocateAudience({ groups: ['x', 'y'], region: 'FR', language: 'de' })),
    );
  });
});

describe('primaryLanguage', () => {
  it('is the first subtag, lower-case, of a tag written with - or _', () => {
    expect(primaryLanguage('de-AT')).toBe('de');
    expect(primaryLanguage(' PT_br ')).toBe('pt');
    expect(primaryLanguage('fr')).toBe('fr');
    expect(primaryLanguage('-x')).toBeNull();
    expect(primaryLanguage('  ')).toBeNull();
    expect(primaryLanguage(null)).toBeNull();
    expect(primaryLanguage(undefined)).toBeNull();
  });

  it('agrees with splitting the trimmed tag at the first - or _', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('d', 'E', '-', '_', ' ', '\t', 'x') }), (tag) => {
        const split = tag.trim().split(/[-_]/)[0]!.toLowerCase();
        expect(primaryLanguage(tag)).toBe(split === '' ? null : split);
      }),
    );
  });
});
