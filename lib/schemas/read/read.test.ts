import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FUTURE_CURSOR,
  FUTURE_ONLY_ID,
  FUTURE_NETWORK,
  SHARED_ID,
  futureLeaderboard,
  futureMe,
  futureSync,
  futureSyncMessage,
  FUTURE_STREAM_FRAMES,
  withUnknownFields,
} from '../../../tests/helpers/future-payload';
import { NETWORKS, perNetwork } from '../../networks';
import {
  DEFAULT_SCORING,
  guidelinesSchema,
  meResponseSchema,
  scoringRulesSchema,
  syncedScoringRules,
  syncResponseSchema,
} from '../index';
import {
  everyNetwork,
  knownItems,
  knownNetworksSchema,
  networkRecord,
  readLeaderboardResponseSchema,
  readMeResponseSchema,
  inlineSyncOf,
  readStreamMessage,
  readSyncResponseSchema,
} from './index';

const SERVER = 'https://relay.example.com';

/** A sync answer as today's server sends it, every optional field set. */
function todaySync() {
  return {
    cursor: 'c1.abc.def',
    content: [
      {
        id: 'today-1',
        title: 'Today',
        url: 'https://example.com/today',
        note: 'A note',
        imageUrl: 'https://example.com/today.png',
        campaign: 'spring',
        language: 'en-GB',
        tags: ['a', 'b'],
        variants: { linkedin: ['In {link}'], x: ['X {link}'] },
        networks: ['linkedin', 'x', 'facebook'],
        publishAt: '2026-01-05T09:00:00.000Z',
        expiresAt: '2026-02-05T09:00:00.000Z',
        createdAt: '2026-01-05T08:00:00.000Z',
        updatedAt: '2026-01-05T08:30:00.000Z',
        links: { linkedin: `${SERVER}/r/a`, x: `${SERVER}/r/b`, facebook: `${SERVER}/r/c` },
      },
    ],
    removed: ['gone-1'],
    guidelines: {
      disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
      bannedTerms: [
        { pattern: 'guaranteed', reason: 'a promise' },
        { pattern: 'free\\s+money', regex: true, reason: 'a promise' },
      ],
      maxHashtags: 3,
      dailyShareCap: 10,
      companyNames: ['Acme'],
    },
    scoring: syncedScoringRules(DEFAULT_SCORING),
    selectorOverrides: { linkedin: { editor: '.ql-editor[contenteditable="true"]' }, x: {} },
  };
}

/** The write schema's reading of a sync answer as today's extension keeps it: the legacy dailyPointsCap dropped. */
function asRead(sync: unknown) {
  const parsed = syncResponseSchema.parse(sync);
  const { dailyPointsCap: _legacy, ...scoring } = parsed.scoring;
  return { ...parsed, scoring };
}

/** Every key anywhere in `value`. */
function keysOf(value: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node)) {
        keys.add(key);
        walk(child);
      }
  };
  walk(value);
  return keys;
}

describe('read schemas: a sync answer', () => {
  it('reads what today’s server sends exactly as the write schema does', () => {
    const today = todaySync();
    expect(syncResponseSchema.safeParse(today).success).toBe(true);
    expect(readSyncResponseSchema.parse(today)).toEqual(asRead(today));
  });

  it('sends dailyPointsCap: null, as extensions from before the one daily cap require', () => {
    // Their read schema required the field (a number or null); they score with no points cap.
    const before = z.object({ ...scoringRulesSchema.shape, dailyPointsCap: z.number().int().min(1).nullable() });
    expect(before.parse(todaySync().scoring).dailyPointsCap).toBeNull();
    // Today's drops it, and reads an older server's too (which still sends a number).
    expect(readSyncResponseSchema.parse(todaySync()).scoring).not.toHaveProperty('dailyPointsCap');
    const older = { ...todaySync(), scoring: { ...DEFAULT_SCORING, dailyPointsCap: 200 } };
    expect(readSyncResponseSchema.parse(older).scoring).toEqual(DEFAULT_SCORING);
  });

  it('drops an unknown field added to every object, at every level, and keeps the rest', () => {
    const today = todaySync();
    const future = withUnknownFields(today);
    expect(syncResponseSchema.safeParse(future).success).toBe(false);
    const read = readSyncResponseSchema.parse(future);
    expect(read).toEqual(asRead(today));
    expect(keysOf(read).has('addedLater')).toBe(false);
  });

  it('reads a newer server’s answer: its network, guideline rule and badge kind left out, the rest kept', () => {
    const read = readSyncResponseSchema.parse(futureSync(SERVER));
    expect(read.cursor).toBe(FUTURE_CURSOR);
    expect(read.content.map((item) => item.id)).toEqual([SHARED_ID]);
    const [item] = read.content;
    expect(item!.networks).toEqual(['linkedin', 'x', 'facebook']);
    expect(Object.keys(item!.variants).sort()).toEqual(['linkedin', 'x']);
    expect(item!.variants.linkedin).toEqual(['Relay 3 is out {link}']);
    expect(Object.keys(item!.links).sort()).toEqual(['facebook', 'linkedin', 'x']);
    // A post offered only on a network this version does not know cannot be shared here: removed.
    expect(read.removed).toEqual([FUTURE_ONLY_ID]);
    expect(read.guidelines).toEqual({
      disclosure: { text: '#employee', networks: ['linkedin'] },
      bannedTerms: [{ pattern: 'guaranteed returns', reason: 'financial promise' }],
      maxHashtags: 3,
    });
    expect(read.scoring.pointsPerShare).toEqual({ ...perNetwork(() => 0), linkedin: 10, x: 10, facebook: 5 });
    expect(read.scoring.badges.map((badge) => badge.id)).toEqual(DEFAULT_SCORING.badges.map((badge) => badge.id));
    expect(read.scoring.levels).toEqual(DEFAULT_SCORING.levels);
    const keys = keysOf(read);
    for (const unknown of [
      FUTURE_NETWORK,
      'addedLater',
      'audience',
      'priority',
      'maxLinks',
      'toneCheck',
      'teamBonus',
    ]) {
      expect(keys.has(unknown), unknown).toBe(false);
    }
  });

  it('reads selector overrides tolerantly: none from an older server, unknown sites and non-strings left out', () => {
    const { selectorOverrides: _none, ...older } = todaySync();
    expect(readSyncResponseSchema.parse(older).selectorOverrides).toEqual({});
    const newer = {
      ...todaySync(),
      selectorOverrides: { linkedin: { editor: '.e', later: { css: '.x' } }, mastodon: { editor: '.m' } },
    };
    expect(readSyncResponseSchema.parse(newer).selectorOverrides).toEqual({ linkedin: { editor: '.e' } });
    // Something unreadable is no override, not a failed sync.
    expect(readSyncResponseSchema.parse({ ...todaySync(), selectorOverrides: 'all' }).selectorOverrides).toEqual({});
  });

  it('the write schemas stay strict: they refuse the same answer', () => {
    const future = futureSync(SERVER);
    expect(syncResponseSchema.safeParse(future).success).toBe(false);
    expect(guidelinesSchema.safeParse(future.guidelines).success).toBe(false);
    expect(scoringRulesSchema.safeParse(future.scoring).success).toBe(false);
  });

  it('still refuses what is broken in what it knows', () => {
    const broken = [
      (sync: ReturnType<typeof todaySync>) => ({ ...sync, cursor: undefined }),
      (sync: ReturnType<typeof todaySync>) => ({ ...sync, removed: 'everything' }),
      (sync: ReturnType<typeof todaySync>) => ({
        ...sync,
        content: [{ ...sync.content[0], url: 'javascript:alert(1)' }],
      }),
      (sync: ReturnType<typeof todaySync>) => ({
        ...sync,
        content: [{ ...sync.content[0], links: { linkedin: 'javascript:alert(1)' } }],
      }),
      (sync: ReturnType<typeof todaySync>) => ({ ...sync, content: [{ ...sync.content[0], variants: { x: [''] } }] }),
      (sync: ReturnType<typeof todaySync>) => ({ ...sync, scoring: { ...sync.scoring, pointsPerShare: { x: -1 } } }),
      (sync: ReturnType<typeof todaySync>) => ({
        ...sync,
        scoring: { ...sync.scoring, badges: [{ ...DEFAULT_SCORING.badges[0], threshold: 0 }] },
      }),
      (sync: ReturnType<typeof todaySync>) => ({ ...sync, guidelines: { bannedTerms: 'none' } }),
    ];
    for (const make of broken) expect(readSyncResponseSchema.safeParse(make(todaySync())).success).toBe(false);
    expect(readSyncResponseSchema.safeParse('not an object').success).toBe(false);
  });

  it('gives an older server’s scoring without a network’s points 0 for it, and default badges without badges', () => {
    const { badges: _badges, ...older } = { ...DEFAULT_SCORING, pointsPerShare: { linkedin: 4 } };
    const read = readSyncResponseSchema.parse({ ...todaySync(), scoring: older });
    expect(read.scoring.pointsPerShare).toEqual({ ...perNetwork(() => 0), linkedin: 4 });
    expect(read.scoring.badges).toEqual(DEFAULT_SCORING.badges);
  });

  it('leaves out a banned pattern this browser cannot compile, and a disclosure on unknown networks only', () => {
    const sync = todaySync();
    const read = readSyncResponseSchema.parse({
      ...sync,
      guidelines: {
        disclosure: { text: '#ad', networks: [FUTURE_NETWORK] },
        bannedTerms: [...sync.guidelines.bannedTerms, { pattern: '(?<unclosed', regex: true, reason: 'x' }],
      },
    });
    expect(read.guidelines).toEqual({ bannedTerms: sync.guidelines.bannedTerms });
  });
});

describe('read schemas: /v1/me, the leaderboard, the stream', () => {
  it('reads a newer server’s /v1/me: badges of unknown kinds and history on unknown networks left out', () => {
    const future = futureMe({ id: 'adv-1', name: 'Ada' });
    expect(meResponseSchema.safeParse(future).success).toBe(false);
    const read = readMeResponseSchema.parse(future);
    expect(read.badges.map((badge) => badge.id)).toEqual(['first-share']);
    expect(read.history.shares.map((share) => share.network)).toEqual(['linkedin']);
    expect(read.history.clicks.map((click) => click.network)).toEqual(['linkedin']);
    expect(Object.keys(read.periods).sort()).toEqual(['all', 'month', 'week']);
    expect(read.settings).toEqual({ clickTracking: true, leaderboard: true });
    expect(keysOf(read).has('addedLater')).toBe(false);
  });

  it('reads a newer server’s leaderboard, unknown fields left out', () => {
    const future = futureLeaderboard('Ada');
    const read = readLeaderboardResponseSchema.parse(future);
    expect(read.entries).toEqual([{ rank: 1, name: 'Ada', points: 15, team: null, you: true }]);
    expect(read.you).toEqual({ rank: 1, name: 'Ada', points: 15, team: null, listed: true });
    expect(keysOf(read).has('addedLater')).toBe(false);
  });

  it('takes sync messages with extra fields and ignores message types it does not know', () => {
    expect(readStreamMessage(futureSyncMessage('c5'))).toEqual({ type: 'sync', cursor: 'c5' });
    for (const frame of FUTURE_STREAM_FRAMES) expect(readStreamMessage(frame), frame).toBeNull();
    expect(readStreamMessage('{"type":"pong"}')).toBeNull();
  });

  it('takes the sync answer a message carries for a cursor, and a malformed one as a plain nudge', () => {
    const answer = { cursor: 'c1.9.x', content: [], removed: [] };
    const carried = readStreamMessage(
      JSON.stringify({ type: 'sync', cursor: 'c9', since: 'c1.8.w', etag: 'W/"9"', answer }),
    );
    expect(carried && inlineSyncOf(carried)).toEqual({ since: 'c1.8.w', etag: 'W/"9"', answer });
    const withoutEtag = readStreamMessage(JSON.stringify({ type: 'sync', cursor: 'c9', since: 'c1.8.w', answer }));
    expect(withoutEtag && inlineSyncOf(withoutEtag)).toEqual({ since: 'c1.8.w', answer });
    for (const odd of [{ since: 42, answer }, { since: 'c1.8.w' }, { since: 'c1.8.w', answer: null }, { answer }]) {
      const message = readStreamMessage(JSON.stringify({ type: 'sync', cursor: 'c9', ...odd }));
      expect(message?.cursor, JSON.stringify(odd)).toBe('c9');
      expect(message && inlineSyncOf(message), JSON.stringify(odd)).toBeUndefined();
    }
  });
});

describe('tolerant building blocks', () => {
  it('knownNetworksSchema keeps known networks in order and leaves the rest out', () => {
    expect(knownNetworksSchema.parse(['x', FUTURE_NETWORK, 'linkedin', 42])).toEqual(['x', 'linkedin']);
    expect(knownNetworksSchema.safeParse('x').success).toBe(false);
  });

  it('knownItems leaves out items of unknown kinds and still checks the others', () => {
    const schema = knownItems((item) => item.kind === 'a', z.object({ kind: z.literal('a'), n: z.number() }));
    expect(schema.parse([{ kind: 'a', n: 1 }, { kind: 'b' }])).toEqual([{ kind: 'a', n: 1 }]);
    expect(schema.safeParse([{ kind: 'a', n: 'one' }]).success).toBe(false);
    expect(schema.safeParse(['a']).success).toBe(false);
  });

  it('networkRecord and everyNetwork drop unknown keys; everyNetwork fills the missing ones', () => {
    expect(networkRecord(z.number()).parse({ x: 1, [FUTURE_NETWORK]: 2 })).toEqual({ x: 1 });
    expect(networkRecord(z.number()).safeParse({ x: 'one' }).success).toBe(false);
    expect(networkRecord(z.number(), ['x']).parse({ x: 1, linkedin: 2 })).toEqual({ x: 1 });
    const every = everyNetwork(z.number().int(), 0).parse({ linkedin: 3, [FUTURE_NETWORK]: 2 });
    expect(Object.keys(every)).toEqual(expect.arrayContaining([...NETWORKS]));
    expect(every).toEqual({ ...perNetwork(() => 0), linkedin: 3 });
    expect(everyNetwork(z.number(), 0).safeParse(null).success).toBe(false);
  });
});
