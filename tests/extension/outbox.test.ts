import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../entrypoints/background/api-client';
import { backoffMs, flushOutbox, recordShare } from '../../entrypoints/background/outbox';
import { startTestServer, type TestServer } from '../helpers/server';
import { clientFor, DOWN_URL, freshDb, publish, recordingFetch } from './helpers';

describe('share outbox', () => {
  let server: TestServer;
  let advocate: { token: string; id: string };
  let contentId: string;

  const serverShares = async () =>
    server.deps.db.selectFrom('shares').selectAll().where('advocate_id', '=', advocate.id).execute();

  beforeAll(async () => {
    server = await startTestServer();
    advocate = await server.enroll('Sharer');
    contentId = (await publish(server, 'Shareable')).id;
  });
  afterAll(() => server.stop());

  it('writes the share log and the outbox together, or neither', async () => {
    const db = freshDb();
    const share = await recordShare(db, { contentId, network: 'x', source: 'popup' });
    expect(await db.shares.get(share.id)).toMatchObject({ contentId, network: 'x', source: 'popup' });
    expect((await db.outbox.get(share.id))?.event).toMatchObject({ id: share.id, contentId, network: 'x' });

    // The worker dies while writing the outbox: the transaction aborts and the log has no orphan.
    db.outbox.hook('creating', () => {
      throw new Error('worker killed mid-write');
    });
    await expect(recordShare(db, { contentId, network: 'linkedin', source: 'popup' })).rejects.toThrow();
    expect(await db.shares.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('delivers to the server and empties the outbox', async () => {
    const db = freshDb();
    const share = await recordShare(db, { contentId, network: 'linkedin', source: 'popup' });
    const result = await flushOutbox(db, clientFor(server, advocate.token));
    expect(result).toMatchObject({ delivered: 1, remaining: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect((await serverShares()).filter((s) => s.id === share.id)).toHaveLength(1);
  });

  it('retries with backoff while the server is down, then delivers exactly once', async () => {
    const db = freshDb();
    const now = Date.now();
    const share = await recordShare(db, { contentId, network: 'facebook', source: 'popup' }, now);
    const down = await flushOutbox(db, new ApiClient(DOWN_URL, advocate.token), now, () => 0.5);
    expect(down).toMatchObject({ delivered: 0, remaining: 1 });
    const entry = await db.outbox.get(share.id);
    expect(entry?.attempts).toBe(1);
    expect(entry?.lastError).toMatch(/reach/);
    expect(entry!.nextAttemptAt).toBe(now + backoffMs(1, () => 0.5));

    // Not yet due: nothing is sent.
    const early = await flushOutbox(db, clientFor(server, advocate.token), now + 1_000);
    expect(early.delivered).toBe(0);
    const due = await flushOutbox(db, clientFor(server, advocate.token), entry!.nextAttemptAt);
    expect(due).toMatchObject({ delivered: 1, remaining: 0 });
    expect((await serverShares()).filter((s) => s.id === share.id)).toHaveLength(1);
  });

  it('"Sync now" (dueBy Infinity) sends a share that is still backing off', async () => {
    const db = freshDb();
    const now = Date.now();
    const share = await recordShare(db, { contentId, network: 'x', source: 'popup' }, now);
    await flushOutbox(db, new ApiClient(DOWN_URL, advocate.token), now, () => 0.5);
    const forced = await flushOutbox(db, clientFor(server, advocate.token), now + 1_000, Math.random, Infinity);
    expect(forced).toMatchObject({ delivered: 1, remaining: 0 });
    expect((await serverShares()).filter((s) => s.id === share.id)).toHaveLength(1);
  });

  it('a lost answer leads to a resend that the server counts once', async () => {
    const db = freshDb();
    const share = await recordShare(db, { contentId, network: 'x', source: 'composer', personalized: true });
    const lost = recordingFetch({ failAfterResponse: true });
    const first = await flushOutbox(db, clientFor(server, advocate.token, lost.impl), Date.now(), () => 0);
    expect(lost.statuses).toEqual([200]); // the server did record it
    expect(first.remaining).toBe(1);
    const again = await flushOutbox(db, clientFor(server, advocate.token), Date.now() + 60 * 60_000);
    expect(again).toMatchObject({ delivered: 1, remaining: 0 });
    const rows = (await serverShares()).filter((s) => s.id === share.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.personalized).toBe(1);
  });

  it('parks events the server refuses for good and still delivers the rest', async () => {
    const db = freshDb();
    const good = await recordShare(db, { contentId, network: 'linkedin', source: 'popup' });
    const bad = await recordShare(db, { contentId: 'deleted-content', network: 'linkedin', source: 'popup' });
    const result = await flushOutbox(db, clientFor(server, advocate.token));
    expect(result).toMatchObject({ delivered: 1, remaining: 0 });
    expect((await db.outbox.get(bad.id))?.rejected).toMatch(/not known to the Relay server/);
    expect(await db.outbox.get(good.id)).toBeUndefined();
    expect(await db.shares.count()).toBe(2); // the local log keeps both
  });

  it('backoff grows, is jittered within ±25 %, and is capped at 30 minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempts, r) => {
        const delay = backoffMs(attempts, () => r);
        const base = Math.min(30 * 60_000, 5_000 * 2 ** (attempts - 1));
        return delay >= Math.floor(base * 0.75) && delay <= Math.ceil(base * 1.25);
      }),
    );
    expect(backoffMs(2, () => 0.5)).toBeGreaterThan(backoffMs(1, () => 0.5));
  });
});
