import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../entrypoints/background/api-client';
import { syncOnce } from '../../entrypoints/background/sync';
import { getMeta, setMeta } from '../../entrypoints/background/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { clientFor, DOWN_URL, freshDb, publish, recordingFetch } from './helpers';

describe('background sync', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = (await server.enroll('Syncer')).token;
  });
  afterAll(() => server.stop());

  it('takes a snapshot, then deltas with additions and removals, then 304', async () => {
    const db = freshDb();
    const first = await publish(server, 'First');
    const second = await publish(server, 'Second');
    const { impl, statuses } = recordingFetch();
    const client = clientFor(server, token, impl);

    const snapshot = await syncOnce(db, client);
    expect(snapshot.changed).toBe(true);
    expect(snapshot.added).toEqual([]); // the first snapshot is not "new" content
    expect((await db.content.toArray()).map((c) => c.title).sort()).toEqual(
      expect.arrayContaining(['First', 'Second']),
    );
    expect(await getMeta(db, 'cursor')).toMatch(/^c1\./);
    expect(await getMeta(db, 'etag')).toBeTruthy();
    expect((await getMeta(db, 'guidelines'))?.bannedTerms).toEqual([]);
    expect((await getMeta(db, 'scoring'))?.enabled).toBe(true);

    const third = await publish(server, 'Third');
    const archived = await server.call(`/v1/admin/content/${first.id}`, {
      method: 'DELETE',
      token: await server.adminToken(),
    });
    expect(archived.status).toBe(200);
    const delta = await syncOnce(db, client);
    expect(delta.added).toEqual([third.id]);
    const ids = (await db.content.toArray()).map((c) => c.id);
    expect(ids).toContain(second.id);
    expect(ids).toContain(third.id);
    expect(ids).not.toContain(first.id);
    expect(await getMeta(db, 'unseen')).toEqual([third.id]);

    const quiet = await syncOnce(db, client);
    expect(quiet.changed).toBe(false);
    expect(statuses.at(-1)).toBe(304);
    expect(quiet.status.error).toBeNull();
    expect(await db.content.count()).toBe(ids.length);
  });

  it('an invalid payload changes nothing and is reported', async () => {
    const db = freshDb();
    const client = clientFor(server, token);
    await syncOnce(db, client);
    const before = {
      content: await db.content.toArray(),
      cursor: await getMeta(db, 'cursor'),
      etag: await getMeta(db, 'etag'),
    };
    expect(before.content.length).toBeGreaterThan(0);
    await publish(server, 'Poisoned');

    type Payload = { content: object[] } & Record<string, unknown>;
    const corrupt = [
      (body: Payload) => ({
        ...body,
        content: [...body.content, { ...body.content[0], id: 'evil', url: 'javascript:alert(1)' }],
      }),
      (body: Payload) => ({ ...body, cursor: undefined }),
      (body: Payload) => ({ ...body, removed: 'everything' }),
      () => 'not an object',
    ];
    for (const rewrite of corrupt) {
      const outcome = await syncOnce(db, clientFor(server, token, recordingFetch({ rewrite }).impl));
      expect(outcome.changed).toBe(false);
      expect(outcome.status.error?.kind).toBe('invalid-payload');
      expect(outcome.status.error?.message).toMatch(/could not read/);
      expect(await db.content.toArray()).toEqual(before.content);
      expect(await getMeta(db, 'cursor')).toBe(before.cursor);
      expect(await getMeta(db, 'etag')).toBe(before.etag);
    }
    // A good answer afterwards applies normally.
    const healed = await syncOnce(db, client);
    expect(healed.status.error).toBeNull();
    expect((await db.content.toArray()).map((c) => c.title)).toContain('Poisoned');
  });

  it('a cursor the server refuses falls back to a full snapshot', async () => {
    const db = freshDb();
    await setMeta(db, 'cursor', 'c1.zzzzzz.zzzzzz');
    await setMeta(db, 'etag', 'W/"stale"');
    const outcome = await syncOnce(db, clientFor(server, token));
    expect(outcome.status.error).toBeNull();
    expect(await db.content.count()).toBeGreaterThan(0);
    expect(await getMeta(db, 'cursor')).not.toBe('c1.zzzzzz.zzzzzz');
  });

  it('a server that is down leaves the saved posts and says offline', async () => {
    const db = freshDb();
    await syncOnce(db, clientFor(server, token));
    const saved = await db.content.count();
    const outcome = await syncOnce(db, new ApiClient(DOWN_URL, token));
    expect(outcome.status.error?.kind).toBe('offline');
    expect(outcome.status.lastSyncAt).toBeTruthy(); // the last good sync is still known
    expect(await db.content.count()).toBe(saved);
  });

  it('a token the server does not know ends access: nothing is written (the controller clears everything)', async () => {
    const db = freshDb();
    const outcome = await syncOnce(db, clientFor(server, 'rlv_not-a-token'));
    expect(outcome).toMatchObject({ changed: false, accessEnded: true });
    expect(await db.meta.count()).toBe(0);
  });
});
