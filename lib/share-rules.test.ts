import { describe, expect, it } from 'vitest';
import {
  checkShare,
  checkShareBatch,
  correctSharedAt,
  LIVE_TOLERANCE_MS,
  liveSpans,
  type ShareContentFacts,
} from './share-rules';

const T0 = Date.UTC(2026, 5, 1, 9);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const live: ShareContentFacts = {
  status: 'published',
  networks: ['linkedin', 'x', 'facebook'],
  publishAt: T0,
  expiresAt: T0 + 48 * HOUR,
  liveFrom: null,
  liveUntil: null,
};
const fields = (facts: ShareContentFacts | undefined, sharedAt: number, extra: object = {}) =>
  checkShare(facts, { network: 'linkedin', sharedAt, ...extra }).map((refusal) => refusal.field);

describe('checkShare', () => {
  it('takes a share of live content on its networks, within the tolerance of its window', () => {
    for (const at of [T0, T0 + HOUR, T0 - LIVE_TOLERANCE_MS, T0 + 48 * HOUR + LIVE_TOLERANCE_MS]) {
      expect(fields(live, at), iso(at)).toEqual([]);
    }
    expect(fields(live, T0 - LIVE_TOLERANCE_MS - 1)).toEqual(['sharedAt']);
    expect(fields(live, T0 + 48 * HOUR + LIVE_TOLERANCE_MS + 1)).toEqual(['sharedAt']);
    expect(fields({ ...live, expiresAt: null }, T0 + 1000 * HOUR)).toEqual([]);
  });

  it('says in words why a share is refused: before publishing, after withdrawal', () => {
    const [early] = checkShare(live, { network: 'x', sharedAt: T0 - HOUR });
    expect(early).toEqual({ field: 'sharedAt', message: expect.stringMatching(/not yet published/) });
    const [late] = checkShare(live, { network: 'x', sharedAt: T0 + 72 * HOUR });
    expect(late).toEqual({ field: 'sharedAt', message: expect.stringMatching(/already been withdrawn/) });
  });

  it('refuses unknown content, drafts and content never published, whatever the time', () => {
    expect(checkShare(undefined, { network: 'x', sharedAt: T0 })).toEqual([
      { field: 'contentId', message: expect.stringMatching(/not known/) },
    ]);
    const draft = { ...live, status: 'draft' };
    expect(checkShare(draft, { network: 'x', sharedAt: T0 + HOUR })).toEqual([
      { field: 'contentId', message: expect.stringMatching(/draft/) },
    ]);
    expect(fields({ ...live, status: 'archived' }, T0 + HOUR)).toEqual(['contentId']);
  });

  it('takes shares of content archived or re-published since, at times it was live', () => {
    // Live from T0 to T0+10h, then archived.
    const archived = { ...live, status: 'archived', liveFrom: T0, liveUntil: T0 + 10 * HOUR };
    expect(fields(archived, T0 + 5 * HOUR)).toEqual([]);
    expect(fields(archived, T0 + 11 * HOUR)).toEqual(['sharedAt']);
    // Then published again at T0+20h: its publishAt moved, the earlier live time still counts.
    const again = { ...archived, status: 'published', publishAt: T0 + 20 * HOUR, expiresAt: null };
    expect(fields(again, T0 + 5 * HOUR)).toEqual([]);
    expect(fields(again, T0 + 15 * HOUR)).toEqual(['sharedAt']);
    expect(fields(again, T0 + 25 * HOUR)).toEqual([]);
    expect(liveSpans(again)).toEqual([
      [T0, T0 + 10 * HOUR],
      [T0 + 20 * HOUR, Number.POSITIVE_INFINITY],
    ]);
    // Scheduled for later and never live yet.
    expect(fields({ ...live, publishAt: T0 + 5 * HOUR }, T0)).toEqual(['sharedAt']);
  });

  it('refuses networks the content is not offered on, and personalised shares where a share carries no text', () => {
    const linkedinOnly = { ...live, networks: ['linkedin'] as const };
    expect(checkShare(linkedinOnly, { network: 'x', sharedAt: T0 })).toEqual([
      { field: 'network', message: 'This post is not offered on X, so the share cannot count.' },
    ]);
    expect(checkShare(live, { network: 'facebook', sharedAt: T0, personalized: true })).toEqual([
      { field: 'personalized', message: expect.stringMatching(/Facebook share cannot be personalised/) },
    ]);
    expect(fields(live, T0, { network: 'x', personalized: true })).toEqual([]);
    expect(fields(live, T0, { network: 'facebook', personalized: false })).toEqual([]);
  });
});

describe('correctSharedAt', () => {
  const now = T0 + 5 * HOUR;
  it('moves the time by the client clock’s skew when sentAt is given', () => {
    // The client's clock is 2 hours fast: it shared a minute before sending.
    expect(correctSharedAt(iso(now + 2 * HOUR - 60_000), iso(now + 2 * HOUR), now)).toBe(now - 60_000);
    // 3 hours slow.
    expect(correctSharedAt(iso(now - 3 * HOUR - 60_000), iso(now - 3 * HOUR), now)).toBe(now - 60_000);
  });

  it('without sentAt, takes the time as given but never later than now', () => {
    expect(correctSharedAt(iso(now - HOUR), undefined, now)).toBe(now - HOUR);
    expect(correctSharedAt(iso(now + 7 * 24 * HOUR), undefined, now)).toBe(now);
    expect(correctSharedAt(iso(now + HOUR), iso(now), now)).toBe(now);
  });
});

describe('checkShareBatch', () => {
  it('corrects every event, and names each refusal as events.N.field', () => {
    const now = T0 + HOUR;
    const facts = new Map([['c1', live]]);
    const result = checkShareBatch(
      {
        sentAt: iso(now + 24 * HOUR),
        events: [
          { id: 'a', contentId: 'c1', network: 'x', sharedAt: iso(now + 24 * HOUR - 1000), personalized: true },
          { id: 'b', contentId: 'nope', network: 'x', sharedAt: iso(now + 24 * HOUR) },
          { id: 'c', contentId: 'c1', network: 'facebook', sharedAt: iso(now - 10 * HOUR), personalized: true },
        ],
      },
      now,
      (id) => facts.get(id),
    );
    expect(result.events.map((event) => [event.id, event.sharedAt, event.personalized])).toEqual([
      ['a', now - 1000, true],
      ['b', now, false],
      ['c', now - 34 * HOUR, true],
    ]);
    expect(result.errors.map((error) => error.path)).toEqual([
      'events.1.contentId',
      'events.2.personalized',
      'events.2.sharedAt',
    ]);
  });
});
