import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_PLACEHOLDER, pickVariantIndex, renderVariant, suggestedText } from './render';
import type { Network } from './schemas';

const LINK = 'https://relay.example/r/abc123';

describe('renderVariant', () => {
  it('replaces every {link}', () => {
    expect(LINK_PLACEHOLDER).toBe('{link}');
    expect(renderVariant('Read this: {link}', LINK, 'linkedin')).toBe(`Read this: ${LINK}`);
    expect(renderVariant('{link} then again {link}, and {link}!', LINK, 'x')).toBe(
      `${LINK} then again ${LINK}, and ${LINK}!`,
    );
    expect(renderVariant('Top {link}\n\nBottom {link}', LINK, 'linkedin')).toBe(`Top ${LINK}\n\nBottom ${LINK}`);
  });

  it('inserts the link literally, even when it holds "$" sequences', () => {
    const link = 'https://e.com/?a=$&b=$1';
    expect(renderVariant('see {link} now', link, 'x')).toBe(`see ${link} now`);
  });

  it('keeps the text around {link} untouched', () => {
    expect(renderVariant('  spaced {link}  ', LINK, 'x')).toBe(`  spaced ${LINK}  `);
  });

  it('appends the link after a blank line on LinkedIn when there is no {link}', () => {
    expect(renderVariant('Big news from the team.', LINK, 'linkedin')).toBe(`Big news from the team.\n\n${LINK}`);
  });

  it('appends the link after a space on X when there is no {link}', () => {
    expect(renderVariant('Big news #launch', LINK, 'x')).toBe(`Big news #launch ${LINK}`);
  });

  it('trims trailing white space before appending', () => {
    expect(renderVariant('Text \n\n  ', LINK, 'linkedin')).toBe(`Text\n\n${LINK}`);
    expect(renderVariant('Text\t ', LINK, 'x')).toBe(`Text ${LINK}`);
  });

  it('gives the link alone for an empty variant', () => {
    expect(renderVariant('', LINK, 'linkedin')).toBe(LINK);
    expect(renderVariant('   ', LINK, 'x')).toBe(LINK);
  });

  it('gives facebook the link alone, whatever the variant', () => {
    expect(renderVariant('Some words {link}', LINK, 'facebook')).toBe(LINK);
    expect(renderVariant('Some words', LINK, 'facebook')).toBe(LINK);
  });

  it('always contains the link, once per {link} or once when appended (property)', () => {
    const network = fc.constantFrom<Network>('linkedin', 'x');
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '{', '}', 'link', '{link}', 'é'), maxLength: 20 });
    fc.assert(
      fc.property(text, network, (variant, net) => {
        const out = renderVariant(variant, LINK, net);
        const placeholders = variant.split(LINK_PLACEHOLDER).length - 1;
        const links = out.split(LINK).length - 1;
        expect(links).toBe(Math.max(placeholders, 1));
        if (placeholders > 0) expect(out.split(LINK).join(LINK_PLACEHOLDER)).toBe(variant);
        else expect(out.endsWith(LINK)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('pickVariantIndex', () => {
  it('is 0 when there are no or one variants', () => {
    expect(pickVariantIndex(0, 'adv', 'c1')).toBe(0);
    expect(pickVariantIndex(1, 'adv', 'c1')).toBe(0);
  });

  it('is stable for the same advocate and content', () => {
    const first = pickVariantIndex(7, 'adv-42', 'content-9');
    for (let i = 0; i < 10; i++) expect(pickVariantIndex(7, 'adv-42', 'content-9')).toBe(first);
  });

  it('is stable and always in range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.string(), fc.string(), (count, ref, contentId) => {
        const index = pickVariantIndex(count, ref, contentId);
        expect(Number.isInteger(index)).toBe(true);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThan(count);
        expect(pickVariantIndex(count, ref, contentId)).toBe(index);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not confuse the advocate and the content (the separator matters)', () => {
    const pairs = Array.from({ length: 200 }, (_, i) => [`a${i}`, `b${i}`] as const);
    const differs = pairs.filter(([a, b]) => pickVariantIndex(1000, a, b) !== pickVariantIndex(1000, `${a}${b}`, ''));
    expect(differs.length).toBeGreaterThan(150);
  });

  it('spreads advocates across variants', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 1000; i++) {
      const index = pickVariantIndex(3, `adv-${i}`, 'content-1');
      counts[index] = (counts[index] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(200);
  });

  it('spreads one advocate across the variants of different content', () => {
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 1000; i++) {
      const index = pickVariantIndex(5, 'adv-1', `content-${i}`);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(120);
  });
});

describe('suggestedText', () => {
  const variants = { linkedin: ['One {link}', 'Two', 'Three'], x: ['Only X'] };

  it("renders this advocate's variant for the network", () => {
    for (const ref of ['adv-1', 'adv-2', 'adv-3', 'adv-4']) {
      const index = pickVariantIndex(3, ref, 'c1');
      expect(suggestedText(variants, 'linkedin', LINK, ref, 'c1')).toBe(
        renderVariant(variants.linkedin[index] ?? '', LINK, 'linkedin'),
      );
    }
    expect(suggestedText(variants, 'x', LINK, 'adv-1', 'c1')).toBe(`Only X ${LINK}`);
  });

  it('gives different advocates different variants', () => {
    const texts = new Set(
      Array.from({ length: 60 }, (_, i) => suggestedText(variants, 'linkedin', LINK, `adv-${i}`, 'c1')),
    );
    expect(texts).toEqual(new Set([`One ${LINK}`, `Two\n\n${LINK}`, `Three\n\n${LINK}`]));
  });

  it('is null when the network has no variants', () => {
    expect(suggestedText({ linkedin: ['Hi'] }, 'x', LINK, 'adv', 'c1')).toBeNull();
    expect(suggestedText({ x: [] }, 'x', LINK, 'adv', 'c1')).toBeNull();
    expect(suggestedText({}, 'linkedin', LINK, 'adv', 'c1')).toBeNull();
  });

  it('gives facebook the link alone, even without variants', () => {
    expect(suggestedText({}, 'facebook', LINK, 'adv', 'c1')).toBe(LINK);
    expect(suggestedText(variants, 'facebook', LINK, 'adv', 'c1')).toBe(LINK);
  });
});
