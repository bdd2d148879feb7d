import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamClient } from '../helpers/stream-client';
import { startTestServer, type TestServer } from '../helpers/server';

const seqOf = (cursor: string | undefined) => parseInt(cursor!.split('.')[1]!, 36);

describe.runIf(process.env.RELAY_TEST_DB === 'postgres')('two API instances on one PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  let token: string;

  beforeAll(async () => {
    a = await startTestServer();
    b = await startTestServer({ databaseUrl: a.database_.url });
    token = (await a.enroll('Across')).token;
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('a publish through instance A reaches a client connected to instance B, and A announces it once', async () => {
    const client = await StreamClient.connect(b.url, token);
    const onA = await StreamClient.connect(a.url, token);
    await client.waitFor((messages) => messages.length >= 1);
    await onA.waitFor((messages) => messages.length >= 1);
    const response = await a.call('/v1/admin/content', {
      method: 'POST',
      token: await a.adminToken(),
      json: { title: 'Across instances', url: 'https://example.com/a', variants: { x: ['hi'] }, publish: true },
    });
    expect(response.status).toBe(201);
    const item = (await response.json()) as { id: string };
    await client.waitFor(() => client.syncCount() >= 2);
    const sync = (await (await b.call('/v1/sync', { token })).json()) as { content: { id: string }[] };
    expect(sync.content.map((c) => c.id)).toContain(item.id);
    // A tells its own clients at once; the NOTIFY that comes back to A is not announced again.
    await onA.waitFor(() => onA.syncCount() >= 2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(onA.syncCount()).toBe(2);
    client.close();
    onA.close();
  });

  it('holds a notification that arrives before its change is visible, then announces it', async () => {
    const client = await StreamClient.connect(b.url, token);
    await client.waitFor((messages) => messages.length >= 1);
    const writer = new pg.Client({ connectionString: a.database_.url });
    const notifier = new pg.Client({ connectionString: a.database_.url });
    await Promise.all([writer.connect(), notifier.connect()]);
    try {
      const schema = (await writer.query<{ s: string }>('select current_schema() as s')).rows[0]!.s;
      await writer.query('begin');
      const seq = Number(
        (await writer.query("update counters set value = value + 1 where name = 'seq' returning value")).rows[0].value,
      );
      const now = Date.now();
      await writer.query(
        `insert into content (id, title, url, tags, variants, networks, status, publish_at, seq, created_at, updated_at)
         values ('early1', 'Early bird', 'https://example.com/e', '[]', '{"x":["hey"]}', '["x","facebook"]', 'published', $1, $2, $1, $1)`,
        [now, seq],
      );
      // Announce the change while its transaction is still open.
      await notifier.query('select pg_notify($1, $2)', [`relay_changes_${schema}`, String(seq)]);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(client.syncCount()).toBe(1);
      await writer.query('commit');
      await client.waitFor(() => client.syncCount() >= 2);
      const message = client.messages.filter((m) => m.type === 'sync').at(-1)!;
      expect(seqOf(message.cursor)).toBeGreaterThanOrEqual(seq);
      const sync = (await (await b.call('/v1/sync', { token })).json()) as { content: { id: string }[] };
      expect(sync.content.map((c) => c.id)).toContain('early1');
    } finally {
      await writer.end();
      await notifier.end();
      client.close();
    }
  });
});
