/**
 * The extension and the answer a stream nudge carries (controller.ts, live.ts, sync.ts) against the
 * real server: it reports its cursor after each sync, stores a publish from the message without
 * asking, and fetches when the answer is for another cursor; an answer that does not validate
 * changes nothing, as a fetched one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundController } from '../../entrypoints/background/controller';
import { getMeta } from '../../entrypoints/background/db';
import { syncOnce } from '../../entrypoints/background/sync';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, clientFor, fakePort, freshDb, publish, recordingFetch, until } from './helpers';

describe('the sync answer inside the stream nudge, in the extension', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('reports its cursor after syncing and stores the next publish from the message, with no GET /v1/sync', async () => {
    const invite = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await server.adminToken(),
    });
    const { code } = (await invite.json()) as { code: string };
    const { impl, requests } = recordingFetch();
    const { port } = fakePort();
    const controller = new BackgroundController(freshDb(), { ...port, fetch: impl });
    try {
      expect(await ask(controller, 'enroll', { serverUrl: server.url, code, name: 'Inline Ines' })).toEqual({
        ok: true,
      });
      await until(() => controller.live.connected);
      await controller.settled();
      const reported = async () => {
        const cursor = await getMeta(controller.db, 'cursor');
        return cursor !== undefined && server.hub.connections().some((connection) => connection.cursor === cursor);
      };
      await until(reported);
      const fetched = () => requests.filter((request) => request.path === '/v1/sync').length;
      const before = fetched();

      const item = await publish(server, 'Carried in the nudge');
      await until(async () => (await controller.db.content.get(item.id)) !== undefined);
      await controller.settled();
      expect(fetched()).toBe(before);
      const stored = await controller.db.content.get(item.id);
      expect(stored?.links.linkedin).toMatch(/\/r\/[0-9A-Za-z]{14}$/);
      expect(await getMeta(controller.db, 'unseen')).toContain(item.id);
      // The new cursor is reported in turn, and it is one the server takes: nothing more to fetch.
      await until(reported);
      const quiet = await clientFor(server, (await getMeta(controller.db, 'enrollment'))!.token).sync(
        await getMeta(controller.db, 'cursor'),
        await getMeta(controller.db, 'etag'),
      );
      expect(quiet.status).toBe(304);
    } finally {
      controller.live.stop();
    }
  });

  it('fetches when the answer is for another cursor, and keeps everything when it does not validate', async () => {
    const { token } = await server.enroll('Careful Carl');
    const db = freshDb();
    const { impl, requests } = recordingFetch();
    const client = clientFor(server, token, impl);
    await syncOnce(db, client);
    const cursor = (await getMeta(db, 'cursor'))!;
    const item = await publish(server, 'Fetched, not carried');

    const elsewhere = { since: 'c1.0.0', answer: { cursor: 'c1.1.1', content: [], removed: [] } };
    const before = requests.length;
    const fetched = await syncOnce(db, client, undefined, elsewhere);
    expect(requests.slice(before).map((request) => request.path)).toEqual(['/v1/sync']);
    expect(fetched.added).toEqual([item.id]);

    const held = (await getMeta(db, 'cursor'))!;
    expect(held).not.toBe(cursor);
    const contentBefore = await db.content.toArray();
    const invalid = await syncOnce(db, client, undefined, { since: held, answer: { cursor: 5, content: 'none' } });
    expect(requests.length).toBe(before + 1);
    expect(invalid.changed).toBe(false);
    expect(invalid.status.error?.kind).toBe('invalid-payload');
    expect(await db.content.toArray()).toEqual(contentBefore);
    expect(await getMeta(db, 'cursor')).toBe(held);
  });
});
