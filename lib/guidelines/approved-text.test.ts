/** Approved text: the disclosure added where the network needs it and it fits, never past the network's length. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvedText, approvedVariant, checkPost, postLength, sampleTrackedLink } from '.';
import { compilePhrase, findPhrase } from '../phrases';
import { renderVariant } from '../render';
import type { Guidelines, Network } from '../schemas';
import { EMPLOYEE } from './test-fixtures';

const LINK = 'https://relay.example.com/r/Xy7Qm2Ka9P';

function hasDisclosure(text: string, disclosure: string): boolean {
  return findPhrase(compilePhrase(disclosure)!, text, 1).length > 0;
}

describe('approvedVariant', () => {
  it.each<[string, Network, string, string]>([
    ['after a space on one line', 'x', 'Atlas is live: {link}', 'Atlas is live: {link} #employee'],
    ['after the text, before the appended link', 'x', 'Atlas is live!', 'Atlas is live! #employee'],
    [
      'on its own line in a LinkedIn post of several lines',
      'linkedin',
      'Line one\n\nLine two',
      'Line one\n\nLine two\n#employee',
    ],
    ['after trailing spaces are trimmed', 'linkedin', 'Hello   ', 'Hello #employee'],
  ])('adds the disclosure %s', (_, network, variant, expected) => {
    expect(approvedVariant(variant, network, EMPLOYEE, LINK)).toBe(expected);
    const text = approvedText(variant, network, EMPLOYEE, LINK);
    expect(checkPost(text, { network, guidelines: EMPLOYEE }).map((hint) => hint.kind)).not.toContain(
      'missing-disclosure',
    );
  });

  it('leaves a variant that already says it, in any case', () => {
    expect(approvedVariant('Proud of the team #Employee', 'linkedin', EMPLOYEE, LINK)).toBe(
      'Proud of the team #Employee',
    );
  });

  it('leaves networks the disclosure does not name, and link-only networks', () => {
    const guidelines: Guidelines = {
      bannedTerms: [],
      disclosure: { text: '#employee', networks: ['linkedin', 'facebook'] },
    };
    expect(approvedVariant('Hello', 'x', guidelines, LINK)).toBe('Hello');
    expect(approvedVariant('Hello', 'facebook', guidelines, LINK)).toBe('Hello');
    expect(approvedVariant('Hello', 'x', { bannedTerms: [] }, LINK)).toBe('Hello');
  });

  it("counts the link as X counts it (23) and adds nothing that wouldn't fit", () => {
    // 280 weighted with the link appended after a space: 256 + 1 + 23.
    const full = 'a'.repeat(256);
    expect(postLength(renderVariant(full, LINK, 'x'), 'x').length).toBe(280);
    expect(approvedVariant(full, 'x', EMPLOYEE, LINK)).toBe(full);
    const roomy = 'a'.repeat(246);
    expect(approvedVariant(roomy, 'x', EMPLOYEE, LINK)).toBe(`${roomy} #employee`);
    expect(postLength(approvedText(roomy, 'x', EMPLOYEE, LINK), 'x').length).toBe(280);
  });

  it('keeps the must-fix hint when the disclosure cannot be added', () => {
    const text = approvedText('a'.repeat(256), 'x', EMPLOYEE, LINK);
    expect(checkPost(text, { network: 'x', guidelines: EMPLOYEE }).map((hint) => hint.kind)).toContain(
      'missing-disclosure',
    );
  });
});

describe('sampleTrackedLink', () => {
  it('uses the origin when X sees it as a link, a stand-in domain otherwise', () => {
    expect(sampleTrackedLink('https://relay.northwind.com/')).toBe('https://relay.northwind.com/r/Xy7Qm2Ka9P');
    expect(sampleTrackedLink('http://127.0.0.1:8787')).toBe('https://relay.example.com/r/Xy7Qm2Ka9P');
  });
});

const NETWORK = fc.constantFrom<Network>('linkedin', 'x', 'bluesky', 'threads', 'facebook');
const DISCLOSURE = fc.oneof(
  fc.constantFrom(
    '#employee',
    'I work at Acme',
    '#Mitarbeiter',
    '＃社員',
    'Disclosure: employee',
    '#NorthwindEmployee',
  ),
  fc.stringMatching(/^#?[A-Za-z][A-Za-z0-9]{0,20}$/),
);
const PIECE = fc.oneof(
  fc.constantFrom(' ', '\n', '\n\n', '{link}', '😀', '内部', 'é', '#tag', 'https://example.com/x'),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 200, maxLength: 400 }),
);
const VARIANT = fc.array(PIECE, { maxLength: 12 }).map((pieces) => pieces.join(''));

describe('approved text, for any variant and disclosure', () => {
  it("never exceeds the network's max when the variant fits, and says the disclosure whenever it fits", () => {
    fc.assert(
      fc.property(
        VARIANT,
        NETWORK,
        DISCLOSURE,
        fc.subarray<Network>(['linkedin', 'x', 'bluesky', 'threads']),
        (variant, network, text, networks) => {
          const guidelines: Guidelines = { bannedTerms: [], disclosure: { text, networks } };
          const original = renderVariant(variant, LINK, network);
          const approved = approvedText(variant, network, guidelines, LINK);
          const { max } = postLength(approved, network);
          if (postLength(original, network).length <= max)
            expect(postLength(approved, network).length).toBeLessThanOrEqual(max);
          else expect(approved).toBe(original);
          const needed = networks.includes(network) && network !== 'facebook' && variant.trim() !== '';
          if (!needed) {
            expect(approved).toBe(original);
            return;
          }
          const appended = renderVariant(`${variant.trimEnd()} ${text}`, LINK, network);
          if (postLength(appended, network).length <= max) expect(hasDisclosure(approved, text)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
