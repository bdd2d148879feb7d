/**
 * The composer content scripts' pure parts: finding this advocate's Relay links in a post, the
 * panel's search, the publish tracker, and the LinkedIn bundle's hashtag extractor, which must
 * give exactly what twitter-text gives (the guideline checker counts hashtags with it).
 */
import fc from 'fast-check';
import twitterText from 'twitter-text';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filterSuggestions } from '../../components/composer/ui/filterSuggestions';
import { checkPost, compileGuidelines } from '../../lib/guidelines';
import { PublishTracker, type PublishSnapshot } from '../../components/composer/publish';
import { relayContentIds } from '../../components/composer/ui/relay-content';
import lite, { extractHashtagsWithIndices } from '../../components/composer/twitter-text-lite';
import type { ComposerItem } from '../../components/shared/messaging';
import { schemeOfColour } from '../../components/composer/theme';

describe('relayContentIds', () => {
  const links = [
    { contentId: 'a', link: 'https://relay.example.com/r/Abc12' },
    { contentId: 'b', link: 'https://relay.example.com/r/Xyz99' },
    { contentId: 'b', link: 'https://relay.example.com/r/Xyz77' },
  ];

  it('finds each post whose link is in the text, in text order, once', () => {
    expect(
      relayContentIds('Read https://relay.example.com/r/Xyz99 and https://relay.example.com/r/Abc12.', links),
    ).toEqual(['b', 'a']);
    expect(relayContentIds('https://relay.example.com/r/Xyz99 https://relay.example.com/r/Xyz77', links)).toEqual([
      'b',
    ]);
    expect(relayContentIds('(relay.example.com/r/Abc12)', links)).toEqual(['a']);
    expect(relayContentIds('HTTPS://RELAY.EXAMPLE.COM/r/Abc12/ now', links)).toEqual(['a']);
  });

  it('does not take a longer URL, another code or another host for a Relay link', () => {
    expect(relayContentIds('https://relay.example.com/r/Abc123', links)).toEqual([]);
    expect(relayContentIds('https://relay.example.com/r/abc12', links)).toEqual([]);
    expect(relayContentIds('https://relay.example.com/r/Abc12/more', links)).toEqual([]);
    expect(relayContentIds('https://notrelay.example.com/r/Abc12', links)).toEqual([]);
    expect(relayContentIds('', links)).toEqual([]);
    expect(relayContentIds('https://relay.example.com/r/Abc12', [])).toEqual([]);
  });
});

describe('filterSuggestions', () => {
  const item = (id: string, title: string, tags: string[]): ComposerItem => ({
    id,
    title,
    tags,
    text: `${title} text`,
    link: '',
    variant: null,
  });
  const items = [
    item('1', 'Spring release', ['product', 'launch']),
    item('2', 'Café opening in Zürich', ['office']),
    item('3', 'Q3 results', []),
  ];

  it('matches every word against the title or a tag, case and accents aside; "#" optional', () => {
    const ids = (query: string) => filterSuggestions(items, query).map((i) => i.id);
    expect(ids('')).toEqual(['1', '2', '3']);
    expect(ids('  ')).toEqual(['1', '2', '3']);
    expect(ids('spring')).toEqual(['1']);
    expect(ids('#launch')).toEqual(['1']);
    expect(ids('release launch')).toEqual(['1']);
    expect(ids('cafe zurich')).toEqual(['2']);
    expect(ids('OFFICE')).toEqual(['2']);
    expect(ids('text')).toEqual([]); // the suggested text is not searched
    expect(ids('spring office')).toEqual([]);
  });
});

describe('PublishTracker', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const snapshot: PublishSnapshot = { contentIds: ['a'], personalized: true };

  it('confirms a pending publish exactly once, whichever signals come', () => {
    const confirmed: string[] = [];
    const tracker = new PublishTracker<{ name: string }>((key, _snapshot, reason) =>
      confirmed.push(`${key.name}:${reason}`),
    );
    const modal = { name: 'modal' };
    tracker.confirm(modal, 'closed');
    expect(confirmed).toEqual([]); // a composer closing without a Post click is no share
    tracker.arm(modal, snapshot);
    expect(tracker.active).toBe(true);
    tracker.confirmLatest('toast');
    tracker.confirm(modal, 'closed');
    tracker.confirmAll('pagehide');
    expect(confirmed).toEqual(['modal:toast']);
    expect(tracker.active).toBe(false);
  });

  it('gives a toast to the composer published last, and lets a publish with no signal lapse', () => {
    const confirmed: string[] = [];
    const tracker = new PublishTracker<{ name: string }>((key) => confirmed.push(key.name), 1_000);
    const inline = { name: 'inline' };
    const modal = { name: 'modal' };
    tracker.arm(inline, snapshot);
    vi.advanceTimersByTime(10);
    tracker.arm(modal, snapshot);
    tracker.confirmLatest('toast');
    expect(confirmed).toEqual(['modal']);
    vi.advanceTimersByTime(1_000);
    expect(tracker.isPending(inline)).toBe(false);
    tracker.confirm(inline, 'cleared');
    expect(confirmed).toEqual(['modal']);
  });
});

describe("twitter-text-lite (the LinkedIn bundle's twitter-text)", () => {
  const same = (text: string) =>
    expect(extractHashtagsWithIndices(text), JSON.stringify(text)).toEqual(
      twitterText.extractHashtagsWithIndices(text),
    );

  it('extracts the hashtags twitter-text extracts, with the same indices', () => {
    for (const text of [
      '',
      'no tags here',
      '#employee',
      'Proud of the team #employee #launch',
      '#a#b',
      '#123 #1a #a1 #_ #_x',
      'x#tag and a-#tag and &#tag;',
      '＃fullwidth and #ünïcödé and #日本語 and #中文タグ',
      '#tag🙂 and 🙂#tag and #tag️⃣',
      'https://example.com/#anchor http://x.co/a#b www.example.com/#c example.com/p#q',
      '#tag://x #tag#x #tag,#next (#paren) "#quoted"',
      'line one\n#tag on a line\n\n#another',
      'Emoji 👩🏽‍💻 #dev\u200dops #zw\u200cnj',
      '#café #naïve #Straße',
    ]) {
      same(text);
    }
  });

  it('agrees with twitter-text on random words around the characters that matter, and URLs', () => {
    const char = fc.constantFrom(
      '#',
      '＃',
      'a',
      'Z',
      '1',
      '_',
      '-',
      '&',
      '.',
      '/',
      ':',
      'é',
      '日',
      '🙂',
      '\u200d',
      '\ufe0f',
      '#tag',
    );
    const url = fc.constantFrom(
      'https://example.com/news',
      'https://example.com/#anchor',
      'www.example.com',
      'example.com/a#b',
      'x.com/i#j.',
    );
    const word = fc.oneof(
      fc.array(char, { minLength: 1, maxLength: 6 }).map((chars) => chars.join('')),
      url,
    );
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(' ', '\n', ', ')), { maxLength: 8 })
      .map((words) => words.flat().join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(extractHashtagsWithIndices(value)).toEqual(twitterText.extractHashtagsWithIndices(value));
      }),
      { numRuns: 3_000 },
    );
  });

  it("refuses X's counting functions, and the checker still gives LinkedIn hints without them", () => {
    expect(() => lite.parseTweet()).toThrow(/not in this bundle/);
    expect(() => lite.hasInvalidCharacters()).toThrow(/not in this bundle/);
    const guidelines = compileGuidelines({
      bannedTerms: [],
      maxHashtags: 1,
      disclosure: { text: '#employee', networks: ['linkedin'] },
    });
    const hints = checkPost('Big day #launch #robots', { network: 'linkedin', guidelines });
    expect(hints.map((h) => h.kind).sort()).toEqual(['missing-disclosure', 'too-many-hashtags']);
  });
});

describe('schemeOfColour (how X shows its theme: the page background)', () => {
  it("reads X's three backgrounds and ignores what paints nothing", () => {
    expect(schemeOfColour('rgb(255, 255, 255)')).toBe('light');
    expect(schemeOfColour('rgb(21, 32, 43)')).toBe('dark');
    expect(schemeOfColour('rgb(0, 0, 0)')).toBe('dark');
    expect(schemeOfColour('rgb(244, 242, 238)')).toBe('light');
    expect(schemeOfColour('rgba(0, 0, 0, 0)')).toBeNull();
    expect(schemeOfColour('rgb(0 0 0 / 10%)')).toBeNull();
    expect(schemeOfColour('transparent')).toBeNull();
  });
});
