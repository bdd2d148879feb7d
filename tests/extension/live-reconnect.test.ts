/**
 * The extension's live connection (live.ts, driven by controller.ts) across real server restarts
 * on the same port and database: a graceful restart closes streams with 1012 and the extension
 * comes back within a second; a crash (the process's sockets cut: 1006) makes it back off
 * exponentially. Either way, once reconnected it syncs afresh and gets what was published while
 * it was away. The reconnect jitter is fixed (random 0.5), so the delays are exact.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundController } from '../../entrypoints/background/controller';
import { LocalChangeFeed } from '../../server/changes';
import { openDatabase } from '../../server/db';
import { createContent } from '../../server/services/content-writes';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, fakePort, freshDb, until } from './helpers';

/** Every connection attempt and every close the extension's sockets saw, in order. */
const attempts: number[] = [];
const closes: { code: number; at: number }[] = [];

class WatchedWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    attempts.push(Date.now());
    super(url, protocols);
    this.addEventListener('close', (event) => closes.push({ code: event.code, at: Date.now() }));
  }
}

describe('the live connection across server restarts', () => {
  let first: TestServer;
  const restarted: TestServer[] = [];
  let controller: BackgroundController;

  /** Starts the API again on the first server's port and database. */
  async function restart(): Promise<TestServer> {
    const again = await startTestServer({ ...first.deps.config, port: first.port });
    restarted.push(again);
    return again;
  }

  /** Publishes a post while no server runs, through the same write path the admin API uses. */
  async function publishWhileDown(title: string): Promise<string> {
    const database = openDatabase(first.deps.config.databaseUrl);
    try {
      const row = await createContent(
        { db: database.db, changes: new LocalChangeFeed(), now: Date.now },
        { title, url: 'https://example.com/while-down', variants: { linkedin: [`${title} {link}`] }, publish: true },
      );
      return row.id;
    } finally {
      await database.close();
    }
  }

  const hasPost = async (id: string) => (await controller.db.content.get(id)) !== undefined;

  beforeAll(async () => {
    first = await startTestServer();
    const invite = await first.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await first.adminToken(),
    });
    const { code } = (await invite.json()) as { code: string };
    const { port } = fakePort({ random: () => 0.5, WebSocketImpl: WatchedWebSocket });
    controller = new BackgroundController(freshDb(), port);
    expect(await ask(controller, 'enroll', { serverUrl: first.url, code, name: 'Reconnecting' })).toEqual({ ok: true });
    await until(() => controller.live.connected);
  });
  afterAll(async () => {
    controller?.live.stop();
    for (const server of restarted) await server.stop();
    await first?.stop();
  });

  it('1012 (graceful restart): reconnects after 500 ms, not the backoff, then syncs what was published meanwhile', async () => {
    const before = attempts.length;
    await first.close(); // streams are closed with 1012 first
    await until(() => !controller.live.connected);
    const closed = closes.at(-1)!;
    expect(closed.code).toBe(1012);

    const id = await publishWhileDown('Published during the restart');
    await restart();
    await until(() => hasPost(id), 10_000);
    expect(controller.live.connected).toBe(true);
    const firstRetry = attempts[before]! - closed.at;
    expect(firstRetry).toBeGreaterThanOrEqual(490);
    expect(firstRetry).toBeLessThan(2_000);
  });

  it('1006 (sockets cut, as in a crash): backs off 2 s, then 4 s, then syncs what was published meanwhile', async () => {
    const server = restarted.at(-1)!;
    await until(() => controller.live.connected);
    const before = attempts.length;
    server.hub.terminateAll();
    await server.close();
    await until(() => !controller.live.connected);
    const cut = closes.at(-1)!;
    expect(cut.code).toBe(1006);

    const id = await publishWhileDown('Published during the outage');
    // Nothing listens for the first retry (2 s after the cut); the server is back before the second.
    await until(() => attempts.length > before, 5_000);
    await until(() => closes.length > 0 && closes.at(-1)!.at >= attempts[before]!, 5_000);
    await restart();
    await until(() => hasPost(id), 10_000);
    expect(controller.live.connected).toBe(true);
    const gaps = [attempts[before]! - cut.at, attempts[before + 1]! - attempts[before]!];
    expect(gaps[0]).toBeGreaterThanOrEqual(1_990);
    expect(gaps[0]).toBeLessThan(3_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(3_990); // doubled: 4 s after the refused retry
    expect(gaps[1]).toBeLessThan(5_500);
  });
});
