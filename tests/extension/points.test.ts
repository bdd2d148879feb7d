/**
 * The Points tab's background side against the real API: points scored locally (offline first)
 * with the server's shares from elsewhere and its clicks, ranks and settings kept for offline,
 * the leaderboard, and privacy changes; malformed messages and answers change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundController } from '../../entrypoints/background/controller';
import { flushOutbox, recordShare } from '../../entrypoints/background/outbox';
import { leaderboard, pointsView, refreshMe, updatePrivacy } from '../../entrypoints/background/points';
import { syncOnce } from '../../entrypoints/background/sync';
import { getMeta, setMeta, type RelayDexie } from '../../entrypoints/background/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, clientFor, DOWN_URL, fakePort, freshDb, publish, recordingFetch } from './helpers';

const HUMAN = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

describe('points in the background', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  /** A newly enrolled advocate's browser, synced: content and scoring rules in its database. */
  async function browserOf(name: string): Promise<{ db: RelayDexie; token: string; id: string }> {
    const advocate = await server.enroll(name);
    const db = freshDb();
    await setMeta(db, 'enrollment', {
      serverUrl: server.url,
      token: advocate.token,
      advocate: { id: advocate.id, name },
      enrolledAt: new Date().toISOString(),
    });
    await syncOnce(db, clientFor(server, advocate.token));
    return { db, ...advocate };
  }

  async function serverMe(token: string) {
    return (await (await server.call('/v1/me', { token })).json()) as {
      points: number;
      clicks: number;
      rank: number | null;
    };
  }

  it('counts a share at once, offline, then matches the server with its clicks and a share made elsewhere', async () => {
    const post = await publish(server, 'Points post');
    const { db, token } = await browserOf('Pat Points');
    const client = clientFor(server, token);

    // Logged here, not yet sent: counted (10 for X, +5 early), not ranked. (Facebook earns nothing by default.)
    await recordShare(db, { contentId: post.id, network: 'x', source: 'popup' });
    let view = await pointsView(db);
    expect(view.score).toMatchObject({ points: 15, shares: 1, clicks: 0 });
    expect(view).toMatchObject({ enrolled: true, standing: null, settings: null, pendingShares: 1, error: null });
    expect(view.weeks).toHaveLength(12);
    expect(view.weeks.at(-1)?.points).toBe(15);

    await flushOutbox(db, client);
    await refreshMe(db, client);
    view = await pointsView(db);
    expect(view.score?.points).toBe(15); // the delivered share is the same event: not counted twice
    expect(view.standing?.all).toEqual({ points: 15, rank: expect.any(Number) });
    expect(view.settings).toEqual({ clickTracking: true, leaderboard: true });
    expect(view.pendingShares).toBe(0);

    // Someone opens the tracked link: a click only the server sees.
    const link = (await db.content.get(post.id))!.links.x!;
    const response = await server.call(new URL(link).pathname, {
      redirect: 'manual',
      headers: { 'user-agent': HUMAN },
    });
    expect(response.status).toBe(302);
    await server.deps.clicks.flush();
    // The same advocate shared on LinkedIn from another browser: the server knows, this log doesn't.
    const elsewhere = await server.call('/v1/shares', {
      method: 'POST',
      token,
      json: {
        events: [
          { id: crypto.randomUUID(), contentId: post.id, network: 'linkedin', sharedAt: new Date().toISOString() },
        ],
      },
    });
    expect(elsewhere.status).toBeLessThan(300);

    await refreshMe(db, client);
    view = await pointsView(db);
    const me = await serverMe(token);
    expect(me.points).toBe(15 + 1 + 15);
    expect(view.score).toMatchObject({ points: me.points, clicks: me.clicks, shares: 2 });
    expect(await db.shares.count()).toBe(1);
  });

  it('keeps the last answer when the server is down or answers nonsense, and says why', async () => {
    const { db, token } = await browserOf('Kim Kept');
    expect(await refreshMe(db, clientFor(server, token))).toBe(true);
    const kept = await getMeta(db, 'me');
    expect(kept?.value?.advocate.name).toBe('Kim Kept');

    expect(await refreshMe(db, clientFor({ ...server, url: DOWN_URL } as TestServer, token))).toBe(true);
    let view = await pointsView(db);
    expect(view.error).toMatch(/Can't reach the Relay server/);
    expect(view.settings).toEqual({ clickTracking: true, leaderboard: true });
    expect(view.fetchedAt).toBe(kept?.fetchedAt);

    const garbage = recordingFetch({ rewrite: () => ({ points: 'lots' }) });
    await refreshMe(db, clientFor(server, token, garbage.impl));
    view = await pointsView(db);
    expect(garbage.statuses).toEqual([200]);
    expect(view.error).toMatch(/does not understand/);
    expect((await getMeta(db, 'me'))?.value).toEqual(kept?.value);

    // A good answer clears the error (a change); the same answer again changes nothing.
    expect(await refreshMe(db, clientFor(server, token))).toBe(true);
    expect((await pointsView(db)).error).toBeNull();
    expect(await refreshMe(db, clientFor(server, token))).toBe(false);
  });

  it('fetches each period’s leaderboard, keeps it for offline, and refuses a bad request', async () => {
    const post = await publish(server, 'Board post');
    const { db, token } = await browserOf('Lee Leader');
    const client = clientFor(server, token);
    await recordShare(db, { contentId: post.id, network: 'linkedin', source: 'composer', personalized: true });
    await flushOutbox(db, client);
    await server.deps.scores.idle(); // the leaderboard's points are recomputed in the background

    const week = await leaderboard(db, client, { period: 'week' });
    expect(week.error).toBeNull();
    expect(week.board?.period).toBe('week');
    expect(week.board?.entries.find((entry) => entry.you)).toMatchObject({ name: 'Lee Leader', points: 20 });

    const offline = await leaderboard(db, clientFor({ ...server, url: DOWN_URL } as TestServer, token), {
      period: 'week',
    });
    expect(offline.error).toMatch(/Can't reach/);
    expect(offline.board).toEqual(week.board);
    expect(offline.fetchedAt).toBe(week.fetchedAt);

    const bg = new BackgroundController(db, fakePort().port);
    for (const bad of [{ period: 'year' }, { period: 'week', extra: 1 }, null, 'week']) {
      const refused = await ask(bg, 'getLeaderboard', bad);
      expect(refused.error).toBe('That leaderboard request is not valid.');
    }
    expect((await leaderboard(db, null, { period: 'all' })).error).toMatch(/Connect/);
  });

  it('saves privacy choices on the server, refuses malformed ones and says when it could not', async () => {
    const { db, token, id } = await browserOf('Sam Private');
    const client = clientFor(server, token);
    const stored = () =>
      server.deps.db
        .selectFrom('advocates')
        .select(['click_tracking', 'leaderboard'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();

    const bg = new BackgroundController(db, fakePort().port);
    for (const bad of [{}, { leaderboard: 'no' }, { leaderboard: false, team: 'Sales' }, null, [true]]) {
      const refused = await ask(bg, 'updatePrivacy', bad);
      expect(refused.ok).toBe(false);
    }
    expect(await stored()).toMatchObject({ click_tracking: 1, leaderboard: 1 });

    await leaderboard(db, client, { period: 'week' });
    const saved = await updatePrivacy(db, client, { leaderboard: false });
    expect(saved).toMatchObject({ ok: true, view: { settings: { clickTracking: true, leaderboard: false } } });
    expect(await stored()).toMatchObject({ click_tracking: 1, leaderboard: 0 });
    expect(await getMeta(db, 'leaderboards')).toBeUndefined(); // ranks changed: the kept boards went

    const down = await updatePrivacy(db, clientFor({ ...server, url: DOWN_URL } as TestServer, token), {
      clickTracking: false,
    });
    // Marked offline, so the popup says it in its own words whatever the background's i18n had ready.
    expect(down).toEqual({
      ok: false,
      offline: true,
      message: expect.stringMatching(/^Your choice was not saved\. Can't reach/),
    });
    expect(await stored()).toMatchObject({ click_tracking: 1, leaderboard: 0 });
    expect((await pointsView(db)).settings).toEqual({ clickTracking: true, leaderboard: false });

    expect(await updatePrivacy(db, null, { clickTracking: false })).toMatchObject({ ok: false });
  });
});
