/**
 * What a newer Relay server might send today's extension: new fields at every level, a network it
 * does not know (`mastodon`), a new guideline rule, a new badge metric, a new stream message type.
 */
import { DEFAULT_SCORING } from '../../lib/schemas';

export const FUTURE_NETWORK = 'mastodon';
export const FUTURE_CURSOR = 'c9.future.1';
export const SHARED_ID = 'future-1';
export const FUTURE_ONLY_ID = 'future-only-mastodon';

/** A copy of `value` with an unknown field added to every object in it, however deep. */
export function withUnknownFields<T>(value: T, key = 'addedLater'): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withUnknownFields(item, key)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy = Object.fromEntries(Object.entries(value).map(([name, field]) => [name, withUnknownFields(field, key)]));
  return { ...copy, [key]: { note: 'a newer server sent this' } } as T;
}

/** A post a newer server offers on LinkedIn, X, Facebook and Mastodon. */
function futureItem(serverUrl: string) {
  return {
    id: SHARED_ID,
    title: 'Relay 3 ships',
    url: 'https://example.com/relay-3',
    note: 'Share it this week',
    imageUrl: null,
    campaign: 'relay-3',
    language: 'en',
    tags: ['launch'],
    variants: {
      linkedin: ['Relay 3 is out {link}'],
      x: ['Relay 3 {link}'],
      [FUTURE_NETWORK]: ['Toot: Relay 3 {link}'],
    },
    networks: ['linkedin', FUTURE_NETWORK, 'x', 'facebook'],
    publishAt: '2026-01-05T09:00:00.000Z',
    expiresAt: null,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:30:00.000Z',
    links: {
      linkedin: `${serverUrl}/r/aaaaaaaa`,
      x: `${serverUrl}/r/bbbbbbbb`,
      facebook: `${serverUrl}/r/cccccccc`,
      [FUTURE_NETWORK]: 'not even a URL: this version never reads it',
    },
    audience: { teams: ['sales'] },
    priority: 2,
  };
}

/** A newer server's GET /v1/sync answer. */
export function futureSync(serverUrl: string) {
  return withUnknownFields({
    cursor: FUTURE_CURSOR,
    content: [
      futureItem(serverUrl),
      { ...futureItem(serverUrl), id: FUTURE_ONLY_ID, networks: [FUTURE_NETWORK], variants: {}, links: {} },
    ],
    removed: [],
    guidelines: {
      disclosure: { text: '#employee', networks: ['linkedin', FUTURE_NETWORK] },
      bannedTerms: [{ pattern: 'guaranteed returns', reason: 'financial promise', severity: 'block' }],
      maxHashtags: 3,
      // New rule kinds: fields this version has never heard of.
      maxLinks: 1,
      toneCheck: { kinds: ['profanity'], strict: true },
    },
    scoring: {
      ...DEFAULT_SCORING,
      pointsPerShare: { linkedin: 10, x: 10, facebook: 5, [FUTURE_NETWORK]: 7 },
      badges: [
        ...DEFAULT_SCORING.badges,
        { id: 'reactions-50', name: '50 reactions', metric: 'reactions', threshold: 50 },
      ],
      teamBonus: { points: 3 },
    },
    announcements: [{ id: 'a1', text: 'Welcome to Relay 3' }],
  });
}

/** A newer server's GET /v1/me answer, for an advocate who shared on LinkedIn and Mastodon. */
export function futureMe(advocate: { id: string; name: string }) {
  const standing = { points: 15, rank: 1 };
  return withUnknownFields({
    advocate: { ...advocate, team: null, avatar: 'https://example.com/a.png' },
    enabled: true,
    points: 15,
    level: { name: 'Starter', minPoints: 0, next: { name: 'Contributor', minPoints: 50 } },
    streak: 1,
    bestStreak: 1,
    rank: 1,
    periods: { week: standing, month: standing, all: standing, quarter: standing },
    shares: 2,
    clicks: 3,
    badges: [
      { ...DEFAULT_SCORING.badges[0]!, value: 2, earned: true },
      { id: 'reactions-50', name: '50 reactions', metric: 'reactions', threshold: 50, value: 4, earned: false },
    ],
    weeks: [{ week: '2026-W02', startsAt: '2026-01-05T00:00:00.000Z', points: 15 }],
    settings: { clickTracking: true, leaderboard: true, digestEmail: false },
    history: {
      shares: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          contentId: SHARED_ID,
          network: 'linkedin',
          sharedAt: '2026-01-05T10:00:00.000Z',
          personalized: false,
          publishedAt: '2026-01-05T09:00:00.000Z',
        },
        {
          id: '00000000-0000-4000-8000-000000000002',
          contentId: SHARED_ID,
          network: FUTURE_NETWORK,
          sharedAt: '2026-01-05T11:00:00.000Z',
          personalized: true,
          publishedAt: '2026-01-05T09:00:00.000Z',
        },
      ],
      clicks: [
        { contentId: SHARED_ID, network: 'linkedin', at: '2026-01-05T12:00:00.000Z', count: 3 },
        { contentId: SHARED_ID, network: FUTURE_NETWORK, at: '2026-01-05T12:00:00.000Z', count: 9 },
      ],
    },
  });
}

/** A newer server's GET /v1/leaderboard answer. */
export function futureLeaderboard(name: string) {
  return withUnknownFields({
    period: 'week',
    enabled: true,
    from: '2026-01-05T00:00:00.000Z',
    team: null,
    entries: [{ rank: 1, name, points: 15, team: null, you: true, trend: 'up' }],
    you: { rank: 1, name, points: 15, team: null, listed: true },
    season: 'winter',
  });
}

/** Stream frames a newer server might send before its sync message: all to be ignored. */
export const FUTURE_STREAM_FRAMES = [
  JSON.stringify({ type: 'announcement', text: 'Relay 3 is here' }),
  JSON.stringify({ type: 'sync' }),
  'not json',
];

/** A sync message with fields this version does not know. */
export function futureSyncMessage(cursor = FUTURE_CURSOR): string {
  return JSON.stringify({ type: 'sync', cursor, reason: 'content', changes: 3 });
}
