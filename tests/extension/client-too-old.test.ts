/**
 * Today's background against a real Relay server that needs a newer extension: enrolled while the
 * server took it, then the server restarts with RELAY_MIN_CLIENT_VERSION above today's version.
 * Sync records `client-too-old` and keeps the posts; a share waits in the outbox (not dropped, not
 * refused); the Points tab and enrolment say to update. Once updated, it syncs and sends the share.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundController } from '../../entrypoints/background/controller';
import { getMeta } from '../../entrypoints/background/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, EXTENSION_VERSION, fakePort, freshDb, publish, until } from './helpers';

const MINIMUM = '99.0';
const UPDATED = '99.0.1';

describe('today’s extension against a server that needs a newer one', () => {
  let first: TestServer;
  let strict: TestServer | undefined;

  async function invite(server: TestServer): Promise<string> {
    const response = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await server.adminToken(),
    });
    return ((await response.json()) as { code: string }).code;
  }

  beforeAll(async () => {
    first = await startTestServer();
    await publish(first, 'Kept one');
    await publish(first, 'Kept two');
  });
  afterAll(async () => {
    // The strict instance shares the first one's database: it stops first.
    await strict?.stop();
    await first.stop();
  });

  it('records the 426, keeps posts and shares, says to update, and catches up once updated', async () => {
    const { port } = fakePort();
    const db = freshDb();
    const today = new BackgroundController(db, port);
    expect(await ask(today, 'enroll', { serverUrl: first.url, code: await invite(first), name: 'Olga Older' })).toEqual(
      {
        ok: true,
      },
    );
    await until(async () => (await db.content.count()) === 2);
    const [post] = await db.content.toArray();

    // The admins upgrade the server and require a newer extension.
    await first.close();
    strict = await startTestServer({ ...first.deps.config, port: first.port, minClientVersion: MINIMUM });
    expect(EXTENSION_VERSION < MINIMUM).toBe(true);

    await today.sync();
    const status = await getMeta(db, 'status');
    expect(status?.error).toEqual({
      kind: 'client-too-old',
      message: 'Update Relay to keep receiving posts.',
      clientVersion: EXTENSION_VERSION,
    });
    expect(status?.lastSyncAt).toBeTruthy(); // the last good sync is still known
    expect(await db.content.count()).toBe(2);

    // A share made now waits: not dropped, not refused, attempts unchanged.
    const shared = await ask(today, 'share', { contentId: post!.id, network: 'facebook' });
    expect(shared).toMatchObject({ ok: true });
    await until(async () => (await db.outbox.toArray()).some((entry) => entry.lastError !== undefined));
    const [waiting] = await db.outbox.toArray();
    expect(waiting).toMatchObject({ attempts: 0, lastError: expect.stringContaining(`Relay ${MINIMUM} or later`) });
    expect(waiting!.rejected).toBeUndefined();
    expect(waiting!.nextAttemptAt).toBeGreaterThan(Date.now() + 30 * 60_000);

    const state = await today.state();
    expect(state.status.error?.kind).toBe('client-too-old');
    expect(state.content).toHaveLength(2);
    expect(state.pendingShares).toBe(1);
    expect(state.refusedShares).toEqual([]);
    expect((await ask(today, 'getPoints', { refresh: true })).error).toBe('Update Relay to keep receiving posts.');
    expect((await ask(today, 'getLeaderboard', { period: 'week' })).error).toBe(
      'Update Relay to keep receiving posts.',
    );
    expect(today.live.connected).toBe(false);

    // Enrolling another browser with this version is refused with the same advice.
    const other = new BackgroundController(freshDb(), fakePort().port);
    const refused = await ask(other, 'enroll', { serverUrl: strict.url, code: await invite(strict), name: 'Nina New' });
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Update Relay to keep receiving posts/),
    });
    other.live.stop();

    // The browser updates the extension: the new version's worker wakes, syncs and sends the share at once.
    today.live.stop();
    await today.settled();
    const updated = new BackgroundController(db, fakePort({ clientVersion: UPDATED }).port);
    try {
      await updated.wake();
      expect((await getMeta(db, 'status'))?.error).toBeNull();
      expect(await db.outbox.count()).toBe(0);
      // The share reached the server (a Facebook share earns no points by default, so /v1/me doesn't count it).
      const stored = await strict.deps.db.selectFrom('shares').select(['content_id', 'network']).execute();
      expect(stored).toEqual([{ content_id: post!.id, network: 'facebook' }]);
    } finally {
      updated.live.stop();
      await updated.settled();
    }
  });
});
