/**
 * The server's history as the Points tab reads it: a current server sends it summarised (the
 * counted share of each post and network, clicks per week); an older one sent every event and
 * clicks per hour. The background reads both, keeps the summary, and scores alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeMeHistory, toMeHistory } from '../../lib/history-summary';
import type { MeResponse, Network } from '../../lib/schemas';
import { pointsView, refreshMe } from '../../entrypoints/background/points';
import { syncOnce } from '../../entrypoints/background/sync';
import { loadScoreInputs } from '../../server/services/scores';
import { getMeta, setMeta } from '../../entrypoints/background/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { clientFor, freshDb, publish, recordingFetch } from './helpers';

const HOUR = 3_600_000;
const HUMAN = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

describe('the history from GET /v1/me, old and new shape', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('reads an older server’s full history and the summarised one alike, and keeps the summary', async () => {
    const posts = [await publish(server, 'History one'), await publish(server, 'History two')];
    const advocate = await server.enroll('Hal History');
    const db = freshDb();
    await setMeta(db, 'enrollment', {
      serverUrl: server.url,
      token: advocate.token,
      advocate: { id: advocate.id, name: 'Hal History' },
      enrolledAt: new Date().toISOString(),
    });
    const client = clientFor(server, advocate.token);
    await syncOnce(db, client);
    // Shared from another browser, several times per post and network; clicks over two hours.
    const now = server.clock.now;
    const events = posts.flatMap((post, p) =>
      (['linkedin', 'x', 'facebook'] as Network[]).flatMap((network, n) =>
        [3, 2, 1].map((back) => ({
          id: crypto.randomUUID(),
          contentId: post.id,
          network,
          sharedAt: new Date(now - back * 60_000 - p * 1000 - n).toISOString(),
          personalized: network !== 'facebook' && back === 2,
        })),
      ),
    );
    expect((await server.call('/v1/shares', { method: 'POST', token: advocate.token, json: { events } })).status).toBe(
      200,
    );
    const link = (await db.content.get(posts[0]!.id))!.links.x!;
    for (let i = 0; i < 3; i++) {
      const visit = await server.call(new URL(link).pathname, {
        headers: { 'user-agent': `${HUMAN} Edg/131.0.${i}` }, // three different visitors
      });
      expect(visit.status).toBe(302);
    }
    await server.deps.clicks.flush();

    // A current server: the history arrives summarised.
    await refreshMe(db, client);
    const current = (await getMeta(db, 'me'))!.value!;
    expect(current.history.shares).toHaveLength(6);
    expect(current.clicks).toBe(3);
    const scoreNow = (await pointsView(db)).score;
    expect(scoreNow?.points).toBe(current.points);
    expect(scoreNow?.clicks).toBe(current.clicks);

    // An older server's answer: every stored event, clicks per hour (here split over two hours).
    const inputs = (await loadScoreInputs(server.deps.db, [advocate.id], { shareIds: true })).get(advocate.id)!;
    const old = toMeHistory(
      inputs.shares,
      inputs.clicks
        .flatMap((click) => [
          // The hour before, or after in a day's first hour: both halves in one UTC day (and week).
          { ...click, at: click.at + (new Date(click.at).getUTCHours() === 0 ? HOUR : -HOUR), count: 1 },
          { ...click, count: (click.count ?? 1) - 1 },
        ])
        .filter((click) => click.count > 0),
    );
    expect(old.shares).toHaveLength(18);
    const older = recordingFetch({ rewrite: (body: MeResponse) => ({ ...body, history: old }) });
    await refreshMe(db, clientFor(server, advocate.token, older.impl));
    expect(older.statuses).toEqual([200]);
    const kept = (await getMeta(db, 'me'))!;
    expect(kept.error).toBeNull();
    expect(kept.value!.history).toEqual(summarizeMeHistory(old));
    expect(kept.value!.history.shares).toHaveLength(6);
    expect((await pointsView(db)).score).toEqual(scoreNow);

    // A copy kept whole by an earlier version of the extension is still read, and scores the same.
    await setMeta(db, 'me', { ...kept, value: { ...kept.value!, history: old } });
    expect((await pointsView(db)).score).toEqual(scoreNow);
  });
});
