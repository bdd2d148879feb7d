/**
 * The outbox against a live server that fails for real: a 500 (the shares table is gone for a
 * moment), a 429 (a real rate limit, with Retry-After) and a 401 (a revoked token). For each, the
 * retry it schedules (when, and that it then delivers exactly once), or, for the 401, none at all.
 * Also: every delivery carries this browser's clock (`sentAt`), and a share the server refuses for
 * good is shown with its reason until dismissed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, retryAfterMs } from '../../entrypoints/background/api-client';
import { BackgroundController } from '../../entrypoints/background/controller';
import {
  backoffMs,
  dismissRefusedShare,
  flushOutbox,
  recordShare,
  refusedShares,
} from '../../entrypoints/background/outbox';
import { localScore } from '../../entrypoints/background/points';
import { DEFAULT_SCORING } from '../../lib/schemas';
import { loadConfig } from '../../server/config';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, clientFor, fakePort, freshDb, publish, recordingFetch } from './helpers';

const RATE_WINDOW_MS = 2_000;

describe('the outbox against a server that fails for real', () => {
  let server: TestServer;
  let limited: TestServer;
  let advocate: { token: string; id: string };
  let contentId: string;

  const sharesOn = async (on: TestServer, id: string) =>
    on.deps.db.selectFrom('shares').selectAll().where('id', '=', id).execute();

  beforeAll(async () => {
    server = await startTestServer();
    advocate = await server.enroll('Sharer');
    contentId = (await publish(server, 'Shareable')).id;
    // Live since two hours ago: a share stamped an hour ago is of content the advocate could see.
    await server.deps.db
      .updateTable('content')
      .set({ publish_at: server.clock.now - 2 * 3_600_000 })
      .where('id', '=', contentId)
      .execute();
    // One request per advocate token every 2 s: the second gets a real 429 with Retry-After.
    limited = await startTestServer({
      rateLimits: {
        ...loadConfig({}).rateLimits,
        token: { limit: 1, windowMs: RATE_WINDOW_MS },
      },
    });
  });
  afterAll(async () => {
    await limited?.stop();
    await server?.stop();
  });

  it('sends its clock with every delivery (sentAt), whatever time the share itself carries', async () => {
    const db = freshDb();
    const anHourAgo = Date.now() - 3_600_000;
    const share = await recordShare(db, { contentId, network: 'linkedin', source: 'popup' }, anHourAgo);
    const { impl, requests } = recordingFetch();
    const before = Date.now();
    expect(await flushOutbox(db, clientFor(server, advocate.token, impl))).toMatchObject({ delivered: 1 });
    const after = Date.now();
    const sent = requests.find((request) => request.path === '/v1/shares')!.body as {
      events: { id: string; sharedAt: string }[];
      sentAt: string;
    };
    expect(sent.events).toEqual([
      expect.objectContaining({ id: share.id, sharedAt: new Date(anHourAgo).toISOString() }),
    ]);
    expect(Date.parse(sent.sentAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(sent.sentAt)).toBeLessThanOrEqual(after);
    expect(await sharesOn(server, share.id)).toHaveLength(1);
  });

  it('500: backs off as scheduled, then delivers exactly once', async () => {
    const db = freshDb();
    const now = Date.now();
    const share = await recordShare(db, { contentId, network: 'x', source: 'composer' }, now);
    const client = clientFor(server, advocate.token);
    // The database loses the shares table for a moment: the server answers 500.
    await sql`alter table shares rename to shares_away`.execute(server.deps.db);
    let failed;
    try {
      failed = await flushOutbox(db, client, now, () => 0.5);
    } finally {
      await sql`alter table shares_away rename to shares`.execute(server.deps.db);
    }
    const retryAt = now + backoffMs(1, () => 0.5);
    expect(failed).toEqual({ delivered: 0, remaining: 1, nextAttemptAt: retryAt });
    expect(await db.outbox.get(share.id)).toMatchObject({ attempts: 1, nextAttemptAt: retryAt });
    expect((await db.outbox.get(share.id))?.lastError).toMatch(/went wrong on the server/);

    const watched = recordingFetch();
    const early = await flushOutbox(db, clientFor(server, advocate.token, watched.impl), retryAt - 1);
    expect(early).toMatchObject({ delivered: 0, remaining: 1 });
    expect(watched.requests).toEqual([]); // not due: nothing was sent
    expect(await flushOutbox(db, client, retryAt)).toEqual({ delivered: 1, remaining: 0 });
    expect(await flushOutbox(db, client, retryAt + 60_000)).toEqual({ delivered: 0, remaining: 0 });
    expect(await sharesOn(server, share.id)).toHaveLength(1);
  });

  it('429: waits exactly as long as Retry-After says (not its own backoff), then delivers exactly once', async () => {
    const sharer = await limited.enroll('Limited');
    const post = (await publish(limited, 'Limited post')).id;
    const db = freshDb();
    const share = await recordShare(db, { contentId: post, network: 'linkedin', source: 'popup' });
    const { impl, statuses } = recordingFetch();
    const client = clientFor(limited, sharer.token, impl);
    expect((await limited.call('/v1/sync', { token: sharer.token })).status).toBe(200); // the window's one request

    const now = Date.now();
    const result = await flushOutbox(db, client, now, () => 0.5);
    expect(statuses).toEqual([429]);
    const entry = (await db.outbox.get(share.id))!;
    const seconds = Number(/Try again in (\d+) s/.exec(entry.lastError ?? '')?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(RATE_WINDOW_MS / 1000);
    expect(result).toEqual({ delivered: 0, remaining: 1, nextAttemptAt: now + seconds * 1000 });
    expect(entry).toMatchObject({ attempts: 1, nextAttemptAt: now + seconds * 1000 });
    expect(seconds * 1000).toBeLessThan(backoffMs(1, () => 0)); // not the backoff's 3.75 s or more

    expect(await flushOutbox(db, client, entry.nextAttemptAt - 1)).toMatchObject({ delivered: 0, remaining: 1 });
    expect(statuses).toEqual([429]); // nothing sent before the time the server gave
    // A timer may fire a millisecond before Date.now() reaches its mark, so wait until the clock has.
    while (Date.now() < entry.nextAttemptAt) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, entry.nextAttemptAt - Date.now())));
    }
    expect(await flushOutbox(db, client, Date.now())).toEqual({ delivered: 1, remaining: 0 });
    expect(statuses).toEqual([429, 200]);
    expect(await sharesOn(limited, share.id)).toHaveLength(1);
  });

  it('401 (token revoked): stops at once, retries nothing and changes no entry', async () => {
    const gone = await server.enroll('Gone');
    const db = freshDb();
    const now = Date.now();
    const share = await recordShare(db, { contentId, network: 'linkedin', source: 'popup' }, now);
    const before = await db.outbox.get(share.id);
    const removed = await server.call(`/v1/admin/advocates/${gone.id}`, {
      method: 'DELETE',
      token: await server.adminToken(),
    });
    expect(removed.status).toBe(200);
    const ended: string[] = [];
    const client = new ApiClient(server.url, gone.token, {
      onAccessEnded: (error) => ended.push(error.accessEnd!),
    });
    expect(await flushOutbox(db, client, now)).toEqual({ delivered: 0, remaining: 0, accessEnded: true });
    expect(ended).toEqual(['token-revoked']);
    expect(await db.outbox.get(share.id)).toEqual(before);
    expect(await sharesOn(server, share.id)).toHaveLength(0);
  });

  it('a share refused for good is kept with the server’s reason, left out of the points, until dismissed', async () => {
    const db = freshDb();
    const good = await recordShare(db, { contentId, network: 'linkedin', source: 'popup' });
    const bad = await recordShare(db, { contentId: 'withdrawn-post', network: 'x', source: 'composer' });
    expect(await flushOutbox(db, clientFor(server, advocate.token))).toEqual({
      delivered: 1,
      remaining: 0,
      refused: 1,
    });
    expect(await refusedShares(db)).toEqual([
      {
        id: bad.id,
        contentId: 'withdrawn-post',
        title: null,
        network: 'x',
        sharedAt: bad.sharedAt,
        reason: 'This post is not known to the Relay server, so the share cannot count.',
      },
    ]);
    // Never sent again, never counted.
    const watched = recordingFetch();
    await flushOutbox(db, clientFor(server, advocate.token, watched.impl), Date.now(), Math.random, Infinity);
    expect(watched.requests).toEqual([]);
    expect((await localScore(db, DEFAULT_SCORING, null, Date.now())).shares).toBe(1);

    // Dismissing takes a valid message about a refused share, and nothing else.
    const bg = new BackgroundController(db, fakePort().port);
    expect(await ask(bg, 'dismissRefusedShare', { id: 42 })).toEqual({ ok: false });
    expect(await ask(bg, 'dismissRefusedShare', { id: bad.id, extra: true })).toEqual({ ok: false });
    expect(await dismissRefusedShare(db, { id: good.id })).toEqual({ ok: false });
    expect(await dismissRefusedShare(db, { id: bad.id })).toEqual({ ok: true });
    expect(await refusedShares(db)).toEqual([]);
    expect(await db.shares.get(bad.id)).toBeUndefined();
    expect(await db.shares.get(good.id)).toBeDefined();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
