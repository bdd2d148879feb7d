/**
 * GET /v1/leaderboard, GET /v1/me and PATCH /v1/me: periods, ties, opting out (hidden, not
 * ranked), teams, gamification off, rules changes recomputing stored points, validation, and click
 * tracking off giving direct UTM links on the next sync.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekKey } from '../../lib/scoring';
import { DEFAULT_SCORING, type LeaderboardResponse, type MeResponse, type ScoringRules } from '../../lib/schemas';
import { createContent, expectProblem, expectValidation, iso, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const DAY = 86_400_000;
/** Ten points a share, no bonuses, no cap: points are easy to read. */
const FLAT: ScoringRules = {
  ...DEFAULT_SCORING,
  pointsPerShare: { ...DEFAULT_SCORING.pointsPerShare, linkedin: 10, x: 10, facebook: 10 },
  earlyShareBonus: { withinHours: 1, points: 0 },
  personalizedBonus: 0,
};

describe('leaderboard and /v1/me', () => {
  let server: TestServer;
  let contentIds: string[];
  const people: Record<string, { token: string; id: string }> = {};

  async function share(who: string, count: number, at: number, network: 'linkedin' | 'x' | 'facebook' = 'linkedin') {
    const events = contentIds
      .slice(0, count)
      .map((contentId) => ({ id: randomUUID(), contentId, network, sharedAt: iso(at) }));
    const response = await server.call('/v1/shares', { method: 'POST', token: people[who]!.token, json: { events } });
    expect(response.status, await response.clone().text()).toBe(200);
    // Stored points are recomputed in the background, moments after the answer.
    await server.deps.scores.idle();
  }

  async function board(who: string, query = ''): Promise<LeaderboardResponse> {
    const response = await server.call(`/v1/leaderboard${query}`, { token: people[who]!.token });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return JSON.parse(text) as LeaderboardResponse;
  }

  async function me(who: string): Promise<MeResponse> {
    const response = await server.call('/v1/me', { token: people[who]!.token });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return JSON.parse(text) as MeResponse;
  }

  const patch = (who: string, json: unknown) =>
    server.call('/v1/me', { method: 'PATCH', token: people[who]!.token, json });
  const putScoring = async (rules: ScoringRules) => {
    const response = await server.call('/v1/admin/scoring', {
      method: 'PUT',
      json: rules,
      token: await server.adminToken(),
    });
    expect(response.status).toBe(200);
  };
  const ranks = (response: LeaderboardResponse) =>
    response.entries.map((entry) => [entry.rank, entry.name, entry.points]);

  beforeAll(async () => {
    server = await startTestServer();
    await putScoring(FLAT);
    contentIds = [];
    for (let i = 0; i < 5; i++)
      contentIds.push((await createContent(server, { title: `Post ${i}`, publish: true })).id);
    // Live since 60 days ago, so shares from 40 days ago are of content the advocates could see.
    await server.deps.db
      .updateTable('content')
      .set({ publish_at: server.clock.now - 60 * DAY })
      .where('id', 'in', contentIds)
      .execute();
    for (const name of ['Ann', 'Bob', 'Cat', 'Dan', 'Eve', 'Fay']) people[name] = await server.enroll(name);
    const now = server.clock.now - 1000;
    await share('Ann', 3, now);
    await share('Bob', 2, now);
    await share('Cat', 2, now);
    await share('Dan', 1, now);
    // Eve shared more, but 40 days ago: another week and another month.
    await share('Eve', 5, now - 40 * DAY);
    // Fay never shared.
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('ranks this week: ties share a rank (1, 2, 2, 4), and says where you stand', async () => {
    const week = await board('Dan', '?period=week');
    expect(week.enabled).toBe(true);
    expect(week.period).toBe('week');
    expect(ranks(week)).toEqual([
      [1, 'Ann', 30],
      [2, expect.stringMatching(/^(Bob|Cat)$/), 20],
      [2, expect.stringMatching(/^(Bob|Cat)$/), 20],
      [4, 'Dan', 10],
    ]);
    expect(week.entries.filter((entry) => entry.you).map((entry) => entry.name)).toEqual(['Dan']);
    expect(week.you).toEqual({ rank: 4, name: 'Dan', points: 10, team: null, listed: true });
    expect(Date.parse(week.from!)).toBeLessThanOrEqual(server.clock.now);
    expect(new Date(week.from!).getUTCDay()).toBe(1); // a Monday
  });

  it('defaults to this week', async () => {
    expect(ranks(await board('Ann'))).toEqual(ranks(await board('Ann', '?period=week')));
  });

  it('ranks this month and all time', async () => {
    expect(ranks(await board('Ann', '?period=month'))).toEqual(ranks(await board('Ann', '?period=week')));
    const all = await board('Eve', '?period=all');
    expect(all.from).toBeNull();
    expect(all.entries.map((entry) => [entry.rank, entry.points])).toEqual([
      [1, 50],
      [2, 30],
      [3, 20],
      [3, 20],
      [5, 10],
    ]);
    expect(all.you).toMatchObject({ rank: 1, name: 'Eve', points: 50 });
  });

  it('gives someone without points this period no rank', async () => {
    expect((await board('Eve', '?period=week')).you).toEqual({
      rank: null,
      name: 'Eve',
      points: 0,
      team: null,
      listed: true,
    });
    expect((await board('Fay', '?period=all')).you).toEqual({
      rank: null,
      name: 'Fay',
      points: 0,
      team: null,
      listed: true,
    });
  });

  it('lists at most `limit` entries, with the ranks of the full board', async () => {
    const top = await board('Dan', '?period=all&limit=3');
    expect(top.entries.map((entry) => entry.rank)).toEqual([1, 2, 3]);
    expect(top.you).toMatchObject({ rank: 5, points: 10 });
  });

  it('refuses an unknown period or a bad limit with 400, and answers only advocates', async () => {
    await expectProblem(
      await server.call('/v1/leaderboard?period=year', { token: people.Ann!.token }),
      400,
      'malformed-query',
    );
    await expectProblem(
      await server.call('/v1/leaderboard?limit=0', { token: people.Ann!.token }),
      400,
      'malformed-query',
    );
    await expectProblem(await server.call('/v1/leaderboard'), 401);
    await expectProblem(await server.call('/v1/leaderboard', { token: await server.adminToken() }), 403);
    await expectProblem(await server.call('/v1/me'), 401);
  });

  it('GET /v1/me: points, level, streak, rank, badges, weekly points and settings', async () => {
    const ann = await me('Ann');
    expect(ann).toMatchObject({
      advocate: { id: people.Ann!.id, name: 'Ann', team: null },
      enabled: true,
      points: 30,
      level: { name: 'Starter', minPoints: 0, next: { name: 'Contributor', minPoints: 50 } },
      streak: 1,
      bestStreak: 1,
      rank: 2,
      periods: { week: { points: 30, rank: 1 }, month: { points: 30, rank: 1 }, all: { points: 30, rank: 2 } },
      shares: 3,
      clicks: 0,
      settings: { clickTracking: true, leaderboard: true },
    });
    expect(ann.badges.find((badge) => badge.id === 'first-share')).toMatchObject({ earned: true, value: 3 });
    expect(ann.badges.find((badge) => badge.id === 'clicks-100')).toMatchObject({ earned: false, value: 0 });
    expect(ann.weeks).toHaveLength(12);
    expect(ann.weeks.at(-1)).toEqual(expect.objectContaining({ week: isoWeekKey(server.clock.now), points: 30 }));
    expect(ann.weeks.slice(0, -1).every((week) => week.points === 0)).toBe(true);
    const eve = await me('Eve');
    expect(eve).toMatchObject({
      points: 50,
      streak: 0,
      bestStreak: 1,
      rank: 1,
      periods: { week: { points: 0, rank: null } },
    });
  });

  it('counts a share once per content and network, and keeps the board in step with new shares', async () => {
    await share('Dan', 1, server.clock.now - 500); // the same post on the same network again
    expect((await me('Dan')).points).toBe(10);
    await share('Dan', 3, server.clock.now - 500, 'x');
    expect((await board('Dan')).you).toMatchObject({ rank: 1, points: 40 });
    expect(ranks(await board('Ann')).slice(0, 2)).toEqual([
      [1, 'Dan', 40],
      [2, 'Ann', 30],
    ]);
  });

  it('leaves opted-out advocates off the board entirely: not shown, not ranked', async () => {
    const response = await patch('Dan', { leaderboard: false });
    expect(response.status).toBe(200);
    expect(((await response.json()) as MeResponse).settings).toEqual({ clickTracking: true, leaderboard: false });
    const seen = await board('Ann');
    expect(ranks(seen)).toEqual([
      [1, 'Ann', 30],
      [2, expect.stringMatching(/^(Bob|Cat)$/), 20],
      [2, expect.stringMatching(/^(Bob|Cat)$/), 20],
    ]);
    expect((await board('Dan')).you).toEqual({ rank: null, name: 'Dan', points: 40, team: null, listed: false });
    expect(await me('Dan')).toMatchObject({ points: 40, rank: null, periods: { week: { points: 40, rank: null } } });
    // Still off the board after new shares are scored.
    await share('Dan', 4, server.clock.now - 500, 'facebook');
    expect((await board('Ann')).entries.map((entry) => entry.name)).not.toContain('Dan');
    // Opting back in restores the place.
    expect((await patch('Dan', { leaderboard: true })).status).toBe(200);
    expect((await board('Ann')).entries[0]).toMatchObject({ rank: 1, name: 'Dan', points: 80 });
  });

  it('teams: PATCH /v1/me sets one, entries show it and ?team= ranks within it', async () => {
    expect((await patch('Ann', { team: 'Sales' })).status).toBe(200);
    expect((await patch('Cat', { team: '  Sales ' })).status).toBe(200);
    const sales = await board('Cat', '?team=Sales');
    expect(sales.team).toBe('Sales');
    expect(ranks(sales)).toEqual([
      [1, 'Ann', 30],
      [2, 'Cat', 20],
    ]);
    expect(sales.entries.every((entry) => entry.team === 'Sales')).toBe(true);
    expect(sales.you).toMatchObject({ rank: 2, team: 'Sales' });
    // Someone outside the team sees the team's board but has no rank on it.
    expect((await board('Bob', '?team=Sales')).you).toMatchObject({ rank: null, points: 20, team: null });
    expect((await board('Bob')).entries.find((entry) => entry.name === 'Ann')?.team).toBe('Sales');
    expect((await me('Ann')).advocate.team).toBe('Sales');
    expect((await patch('Ann', { team: null })).status).toBe(200);
    expect(ranks(await board('Cat', '?team=Sales'))).toEqual([[1, 'Cat', 20]]);
  });

  it('PATCH /v1/me validates its body', async () => {
    await expectValidation(await patch('Ann', {}));
    await expectValidation(await patch('Ann', { clickTracking: 'no' }), 'clickTracking');
    await expectValidation(await patch('Ann', { leaderboard: 1 }), 'leaderboard');
    await expectValidation(await patch('Ann', { team: '' }), 'team');
    await expectValidation(await patch('Ann', { team: 'x'.repeat(61) }), 'team');
    await expectValidation(await patch('Ann', { name: 'Someone else' }));
    const malformed = await server.call('/v1/me', {
      method: 'PATCH',
      token: people.Ann!.token,
      headers: { 'content-type': 'application/json' },
      body: '{"clickTracking":',
    });
    await expectProblem(malformed, 400, 'malformed-json');
    await expectProblem(await server.call('/v1/me', { method: 'PATCH', json: { leaderboard: false } }), 401);
    expect((await me('Ann')).settings).toEqual({ clickTracking: true, leaderboard: true });
  });

  it('recomputes stored points when the rules change', async () => {
    await putScoring({ ...FLAT, pointsPerShare: { ...FLAT.pointsPerShare, linkedin: 20, x: 10, facebook: 0 } });
    await server.deps.scores.rescoreStale();
    const all = await board('Ann', '?period=all');
    // Eve: 5 LinkedIn shares; Dan: 1 LinkedIn, 3 X, 4 Facebook (now worth nothing).
    expect(all.entries.slice(0, 2).map((entry) => [entry.name, entry.points])).toEqual([
      ['Eve', 100],
      ['Ann', 60],
    ]);
    expect(all.entries.find((entry) => entry.name === 'Dan')?.points).toBe(50);
    expect((await me('Dan')).points).toBe(50);
    await putScoring(FLAT);
    await server.deps.scores.rescoreStale();
  });

  it('gamification off: an empty leaderboard with a flag, and no points', async () => {
    await putScoring({ ...FLAT, enabled: false });
    const off = await board('Ann', '?period=all');
    expect(off).toEqual({ period: 'all', enabled: false, from: null, team: null, entries: [], you: null });
    expect(await me('Ann')).toMatchObject({ enabled: false, points: 0, rank: null, streak: 0, shares: 0 });
    await putScoring(FLAT);
    // Stored points were kept: the board is back at once.
    expect((await board('Ann', '?period=all')).entries[0]).toMatchObject({ rank: 1, points: 80 });
  });

  it('answers extension CORS on /v1/me (GET, PATCH) and /v1/leaderboard', async () => {
    const origin = 'chrome-extension://abcdefghijklmnop';
    for (const [path, method] of [
      ['/v1/me', 'GET'],
      ['/v1/me', 'PATCH'],
      ['/v1/leaderboard', 'GET'],
    ] as const) {
      const preflight = await server.call(path, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': method,
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-methods')).toContain(method);
    }
    const actual = await server.call('/v1/leaderboard', { token: people.Ann!.token, headers: { origin } });
    expect(actual.headers.get('access-control-allow-origin')).toBe(origin);
  });
});

describe('click tracking off gives direct UTM links on the next sync', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a delta sync after the switch carries every live item with direct links, and back', async () => {
    const { token } = await server.enroll('Tess');
    const items = [
      await createContent(server, { title: 'One', url: 'https://example.com/one', publish: true }),
      await createContent(server, { title: 'Two', url: 'https://example.com/two', campaign: 'Spring', publish: true }),
    ];
    const first = await sync(server, token);
    const tracked = first.body.content.map((item) => item.links);
    expect(tracked.flatMap((links) => Object.values(links)).every((link) => /\/r\/\w+$/.test(link))).toBe(true);
    // Current: 304.
    const current = await server.call(`/v1/sync?cursor=${encodeURIComponent(first.body.cursor)}`, {
      token,
      headers: { 'if-none-match': first.etag },
    });
    expect(current.status).toBe(304);

    const off = await server.call('/v1/me', { method: 'PATCH', token, json: { clickTracking: false } });
    expect(off.status).toBe(200);
    expect(((await off.json()) as MeResponse).settings.clickTracking).toBe(false);

    const next = await server.call(`/v1/sync?cursor=${encodeURIComponent(first.body.cursor)}`, {
      token,
      headers: { 'if-none-match': first.etag },
    });
    expect(next.status).toBe(200);
    const body = (await next.json()) as Awaited<ReturnType<typeof sync>>['body'];
    expect(body.content.map((item) => item.id).sort()).toEqual(items.map((item) => item.id).sort());
    for (const item of body.content) {
      for (const [network, link] of Object.entries(item.links)) {
        const url = new URL(link);
        expect(url.host).toBe('example.com');
        expect(url.searchParams.get('utm_source')).toBe(network);
        expect(url.searchParams.get('utm_medium')).toBe('employee_advocacy');
        expect(url.searchParams.get('utm_content')).toMatch(/^[0-9a-z]+$/);
        expect(link).not.toContain('Tess');
      }
    }
    // The next delta is empty again.
    const after = await sync(server, token, body.cursor);
    expect(after.body.content).toEqual([]);

    expect((await server.call('/v1/me', { method: 'PATCH', token, json: { clickTracking: true } })).status).toBe(200);
    const back = await sync(server, token, body.cursor);
    expect(back.body.content.map((item) => item.links).sort((a, b) => (a.x ?? '').localeCompare(b.x ?? ''))).toEqual(
      [...tracked].sort((a, b) => (a.x ?? '').localeCompare(b.x ?? '')),
    );
  });
});
