/**
 * What shares cost the server: POST /v1/shares answers without waiting for points to be recomputed
 * (the leaderboard catches up moments later, and nothing is lost when many arrive together), and
 * GET /v1/me stays small for an advocate with tens of thousands of stored events.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scoreShares } from '../../lib/scoring';
import type { LeaderboardResponse, MeResponse, Network } from '../../lib/schemas';
import { toMeHistory } from '../../lib/history-summary';
import { loadScoreInputs } from '../../server/services/scores';
import { createContent, HOUR, iso, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const DAY = 24 * HOUR;
const NETWORKS: Network[] = ['linkedin', 'x', 'facebook'];
const SCORED: Network[] = ['linkedin', 'x'];

describe('shares off the request path', () => {
  let server: TestServer;
  let contentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    contentId = (await createContent(server, { publish: true })).id;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.stop();
  });

  const share = (token: string, network: Network = 'linkedin') =>
    server.call('/v1/shares', {
      method: 'POST',
      token,
      json: { events: [{ id: randomUUID(), contentId, network, sharedAt: iso(server.clock.now) }] },
    });
  const board = async (token: string) =>
    (await (await server.call('/v1/leaderboard?period=all&limit=100', { token })).json()) as LeaderboardResponse;

  it('answers while the recomputation is held up, and the leaderboard catches up by itself', async () => {
    const { token } = await server.enroll('Quick Answer');
    const keeper = server.deps.scores;
    const recompute = keeper.recompute.bind(keeper);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(keeper, 'recompute').mockImplementation(async (ids) => {
      await held;
      return recompute(ids);
    });
    try {
      const answer = await Promise.race([
        share(token),
        new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000)),
      ]);
      expect(answer).not.toBe('waited');
      expect((answer as Response).status).toBe(200);
      expect(spy).toHaveBeenCalled(); // the recomputation started, and is held
      expect((await board(token)).you?.points ?? 0).toBe(0);
      // GET /v1/me scores on request: the share counts there at once.
      expect(((await (await server.call('/v1/me', { token })).json()) as MeResponse).points).toBeGreaterThan(0);
    } finally {
      release();
    }
    // No waiting on the queue here: the leaderboard shows the points moments later on its own.
    const deadline = Date.now() + 5_000;
    let points = 0;
    while (Date.now() < deadline && points === 0) {
      points = (await board(token)).you?.points ?? 0;
      if (points === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(points).toBe(15); // 10 for LinkedIn and 5 for sharing within a day of publishing
    spy.mockRestore();
  });

  it('retries a recomputation that failed, and logs it', async () => {
    const { token } = await server.enroll('Retried');
    const keeper = server.deps.scores;
    const recompute = keeper.recompute.bind(keeper);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const spy = vi.spyOn(keeper, 'recompute').mockImplementation(async (ids) => {
      if (++calls === 1) throw new Error('connection terminated');
      return recompute(ids);
    });
    expect((await share(token, 'x')).status).toBe(200);
    await keeper.idle();
    expect(calls).toBe(2);
    expect(errors.mock.calls.some((call) => /recomputing points .* failed/.test(String(call[0])))).toBe(true);
    expect((await board(token)).you?.points).toBe(15);
    spy.mockRestore();
    errors.mockRestore();
  });

  it('loses nothing when many shares arrive together', async () => {
    const people = await Promise.all(Array.from({ length: 30 }, (_, i) => server.enroll(`Crowd ${i}`)));
    const responses = await Promise.all(
      // Networks that earn points by default (Facebook earns none: its policy forbids rewarding posts).
      people.flatMap((person, i) => SCORED.slice(0, 1 + (i % 2)).map((network) => share(person.token, network))),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    await server.deps.scores.idle();
    const entries = new Map((await board(people[0]!.token)).entries.map((entry) => [entry.name, entry.points]));
    for (const [i, person] of people.entries()) {
      const me = (await (await server.call('/v1/me', { token: person.token })).json()) as MeResponse;
      expect(me.shares).toBe(1 + (i % 2));
      expect(entries.get(`Crowd ${i}`)).toBe(me.points);
    }
  });
});

describe('shutting down with recomputations queued', () => {
  it('close() gives up on a held recomputation within its bound and leaves the advocate to the start-up pass', async () => {
    const server = await startTestServer();
    try {
      const contentId = (await createContent(server, { publish: true })).id;
      const { token, id } = await server.enroll('Left Behind');
      const scoredWith = async () =>
        (
          await server.deps.db
            .selectFrom('advocates')
            .select('scored_with')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).scored_with;
      await server.deps.scores.rescoreStale();
      expect(await scoredWith()).not.toBeNull();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      vi.spyOn(server.deps.scores, 'recompute').mockImplementation(() => held);
      const response = await server.call('/v1/shares', {
        method: 'POST',
        token,
        json: { events: [{ id: randomUUID(), contentId, network: 'x', sharedAt: iso(server.clock.now) }] },
      });
      expect(response.status).toBe(200);
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const started = Date.now();
      await server.deps.scores.close(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(errors.mock.calls.some((call) => /left to the next start/.test(String(call[0])))).toBe(true);
      expect(await scoredWith()).toBeNull();
      release();
    } finally {
      vi.restoreAllMocks();
      await server.stop();
    }
  });
});

describe('GET /v1/me for an advocate with tens of thousands of events', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('stays small: the history is summarised, and scores the same as every event', async () => {
    const { token, id } = await server.enroll('Heavy History');
    const contents: string[] = [];
    for (let i = 0; i < 20; i++) contents.push((await createContent(server, { title: `Post ${i}`, publish: true })).id);
    const now = server.clock.now;
    await server.deps.db
      .updateTable('content')
      .set({ publish_at: now - 60 * DAY })
      .execute();
    // 30,000 share events, as stored before the cap (or by an older server), straight into the table.
    const shares = Array.from({ length: 30_000 }, (_, i) => ({
      id: randomUUID(),
      advocate_id: id,
      content_id: contents[i % 20]!,
      network: NETWORKS[Math.floor(i / 20) % 3]!,
      shared_at: now - ((i * 7919) % (59 * DAY)),
      personalized: i % 5 === 0 ? 1 : 0,
      received_at: now,
    }));
    for (let i = 0; i < shares.length; i += 1000) {
      await server.deps.db
        .insertInto('shares')
        .values(shares.slice(i, i + 1000))
        .execute();
    }
    // And 12,000 hours with clicks on the advocate's 60 tracked links.
    const links = (await sync(server, token)).body.content.flatMap((item) =>
      Object.values(item.links).map((link) => new URL(link).pathname.split('/').pop()!),
    );
    expect(links).toHaveLength(60);
    const hourNow = Math.floor(now / HOUR);
    const clicks = links.flatMap((code) =>
      Array.from({ length: 200 }, (_, h) => ({ code, hour: hourNow - h * 7, clicks: 1 + (h % 4) })),
    );
    for (let i = 0; i < clicks.length; i += 1000) {
      await server.deps.db
        .insertInto('click_counts')
        .values(clicks.slice(i, i + 1000))
        .execute();
    }

    const response = await server.call('/v1/me', { token });
    const text = await response.text();
    expect(response.status).toBe(200);
    const me = JSON.parse(text) as MeResponse;
    // Every event, as the history was before the summary: about 5 MB here (7.4 MB at 40,000 rows).
    const full = (await loadScoreInputs(server.deps.db, [id], { shareIds: true })).get(id)!;
    const unsummarised = JSON.stringify({ ...me, history: toMeHistory(full.shares, full.clicks) });
    expect(Buffer.byteLength(unsummarised)).toBeGreaterThan(4_000_000);
    // Now the counted share of each post and network, and clicks per link and week: a few tens of KB.
    expect(Buffer.byteLength(text)).toBeLessThan(96 * 1024);
    expect(me.history.shares).toHaveLength(60);
    expect(me.history.clicks.length).toBeLessThanOrEqual(60 * 12);
    expect(me.history.clicks.reduce((sum, click) => sum + click.count, 0)).toBe(
      clicks.reduce((sum, row) => sum + row.clicks, 0),
    );
    // The summary scores exactly as every stored event does.
    const rules = (await (
      await server.call('/v1/admin/scoring', { token: await server.adminToken() })
    ).json()) as never;
    const fromSummary = scoreShares(
      me.history.shares.map((share) => ({
        ...share,
        sharedAt: Date.parse(share.sharedAt),
        publishedAt: share.publishedAt === null ? null : Date.parse(share.publishedAt),
      })),
      rules,
      { clicks: me.history.clicks.map((click) => ({ ...click, at: Date.parse(click.at) })), now: server.clock.now },
    );
    expect(fromSummary).toEqual(scoreShares(full.shares, rules, { clicks: full.clicks, now: server.clock.now }));
    expect(me.points).toBe(fromSummary.points);
  });
});
