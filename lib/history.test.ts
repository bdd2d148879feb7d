import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventLogArbitrary, HOUR, scoringRulesArbitrary } from '../tests/helpers/scoring';
import { combineHistory } from './history';
import { recentWeeks, scoreLocalLog, scoreShares, type LoggedShare, type ScoredShare } from './scoring';
import type { MeHistory, Network } from './schemas';

const ORIGIN = Date.UTC(2026, 5, 15, 12);
const iso = (ms: number) => new Date(ms).toISOString();

describe('combineHistory', () => {
  const local = [
    { id: 'a', contentId: 'c1', network: 'x' as Network, sharedAt: iso(ORIGIN), personalized: true },
    { id: 'pending', contentId: 'c2', network: 'linkedin' as Network, sharedAt: iso(ORIGIN + HOUR) },
  ];
  const history: MeHistory = {
    shares: [
      { id: 'a', contentId: 'c1', network: 'x', sharedAt: iso(ORIGIN), personalized: true, publishedAt: iso(ORIGIN) },
      {
        id: 'elsewhere',
        contentId: 'gone',
        network: 'facebook',
        sharedAt: iso(ORIGIN + 2 * HOUR),
        personalized: false,
        publishedAt: iso(ORIGIN - HOUR),
      },
    ],
    clicks: [{ contentId: 'c1', network: 'x', at: iso(ORIGIN + 3 * HOUR), count: 4 }],
  };

  it('takes each share once (by id), adds the server’s, and fills in publish times of expired posts', () => {
    const input = combineHistory(local, [{ id: 'c1', publishAt: iso(ORIGIN - 5 * HOUR) }], history);
    expect(input.shares.map((share) => (share as { id?: string }).id)).toEqual(['a', 'pending', 'elsewhere']);
    expect(new Map(input.content.map((item) => [item.id, item.publishAt]))).toEqual(
      new Map([
        ['c1', iso(ORIGIN - 5 * HOUR)], // the synced copy wins
        ['gone', iso(ORIGIN - HOUR)], // no longer synced: the server's
      ]),
    );
    expect(input.clicks).toEqual([{ contentId: 'c1', network: 'x', at: ORIGIN + 3 * HOUR, count: 4 }]);
  });

  it('without the server’s record, is the local log alone', () => {
    const content = [{ id: 'c1', publishAt: null }];
    expect(combineHistory(local, content, null)).toEqual({ shares: local, content, clicks: [] });
  });

  it('property: the popup’s score of its log joined with the server’s record is the score of every share once', () => {
    fc.assert(
      fc.property(
        eventLogArbitrary(),
        scoringRulesArbitrary,
        fc.array(fc.constantFrom('server', 'both', 'local'), { minLength: 40, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (log, rules, where, synced) => {
          const published = (index: number) => (log.published[index] == null ? null : ORIGIN + log.published[index]!);
          const all = log.shares.map((share, i) => ({
            id: `s${i}`,
            contentId: `c${share.contentIndex}`,
            contentIndex: share.contentIndex,
            network: share.network,
            at: ORIGIN + share.offset,
            personalized: share.personalized,
            where: where[i]!,
          }));
          const publishedIso = (index: number) => (published(index) === null ? null : iso(published(index)!));
          const logged = (share: (typeof all)[number]): LoggedShare & { id: string } => ({
            id: share.id,
            contentId: share.contentId,
            network: share.network,
            sharedAt: iso(share.at),
            personalized: share.personalized,
          });
          const history: MeHistory = {
            shares: all
              .filter((share) => share.where !== 'local')
              .map((share) => ({
                ...logged(share),
                personalized: share.personalized,
                publishedAt: publishedIso(share.contentIndex),
              })),
            clicks: log.clicks.map((click) => ({
              contentId: `c${click.contentIndex}`,
              network: click.network,
              at: iso(Math.floor((ORIGIN + click.offset) / HOUR) * HOUR),
              count: 1,
            })),
          };
          const localLog = all.filter((share) => share.where !== 'server').map(logged);
          const content = synced.flatMap((isSynced, index) =>
            isSynced ? [{ id: `c${index}`, publishAt: publishedIso(index) }] : [],
          );
          const input = combineHistory(localLog, content, history);
          const fromPopup = scoreLocalLog(input.shares, input.content, rules, { clicks: input.clicks, now: ORIGIN });

          // Every share once; its publish time is known when its post is synced or the server sent one.
          const known = (index: number) =>
            synced[index] || all.some((share) => share.contentIndex === index && share.where !== 'local');
          const expected: ScoredShare[] = all.map((share) => ({
            contentId: share.contentId,
            network: share.network,
            sharedAt: share.at,
            personalized: share.personalized,
            publishedAt: known(share.contentIndex) ? published(share.contentIndex) : null,
          }));
          const clicks = history.clicks.map((click) => ({ ...click, at: Date.parse(click.at) }));
          expect(fromPopup).toEqual(scoreShares(expected, rules, { clicks, now: ORIGIN }));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('recentWeeks', () => {
  it('lists the last weeks up to now, oldest first, with zero for weeks without points', () => {
    // ORIGIN is Monday 15 June 2026, in ISO week 25.
    const weeks = recentWeeks({ '2026-W25': 7, '2026-W23': 3, '2025-W01': 99 }, ORIGIN, 4);
    expect(weeks).toEqual([
      { week: '2026-W22', startsAt: '2026-05-25T00:00:00.000Z', points: 0 },
      { week: '2026-W23', startsAt: '2026-06-01T00:00:00.000Z', points: 3 },
      { week: '2026-W24', startsAt: '2026-06-08T00:00:00.000Z', points: 0 },
      { week: '2026-W25', startsAt: '2026-06-15T00:00:00.000Z', points: 7 },
    ]);
  });
});
