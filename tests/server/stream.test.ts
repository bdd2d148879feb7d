import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamClient } from '../helpers/stream-client';
import { startTestServer, type TestServer } from '../helpers/server';

const post = {
  title: 'Stream test',
  url: 'https://example.com/news',
  variants: { linkedin: ['Read this {link}'], x: ['Read this'] },
};

describe('GET /v1/stream', () => {
  let server: TestServer;
  let advocate: { token: string; id: string };

  beforeAll(async () => {
    server = await startTestServer({ stream: { idleMs: 1_500, maxPerToken: 3, maxBufferedBytes: 16 * 1024 } });
    advocate = await server.enroll('Streamer');
  });
  afterAll(() => server.stop());

  const publish = async (extra: Record<string, unknown> = {}) => {
    const response = await server.call('/v1/admin/content', {
      method: 'POST',
      token: await server.adminToken(),
      json: { ...post, publish: true, ...extra },
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };

  describe('refuses before the upgrade', () => {
    it('a missing token: 401', async () => {
      await expect(StreamClient.connect(server.url, undefined)).rejects.toMatchObject({ status: 401 });
    });
    it('no relay.v1 subprotocol: 401 with a problem explaining it', async () => {
      const refusal = StreamClient.connect(server.url, undefined, ['chat']);
      await expect(refusal).rejects.toMatchObject({ status: 401 });
      const body = JSON.parse(((await refusal.catch((e: { body: string }) => e)) as { body: string }).body);
      expect(body.detail).toContain('relay.v1');
    });
    it('a bad token: 401', async () => {
      await expect(StreamClient.connect(server.url, 'rlv_nope')).rejects.toMatchObject({ status: 401 });
    });
    it('an admin token: 403', async () => {
      await expect(StreamClient.connect(server.url, await server.adminToken())).rejects.toMatchObject({ status: 403 });
    });
    it('a plain GET without upgrade: 426 problem', async () => {
      const response = await server.call('/v1/stream', { token: advocate.token });
      expect(response.status).toBe(426);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
    it('more connections than the cap for one token: 429', async () => {
      const other = await server.enroll('Capped');
      const open = await Promise.all([1, 2, 3].map(() => StreamClient.connect(server.url, other.token)));
      await expect(StreamClient.connect(server.url, other.token)).rejects.toMatchObject({ status: 429 });
      for (const client of open) client.close();
    });
  });

  it('greets with a sync cursor, answers ping with pong, and announces a publish with a cursor that syncs', async () => {
    const client = await StreamClient.connect(server.url, advocate.token);
    await client.waitFor((messages) => messages.length >= 1);
    expect(client.messages[0]).toEqual({ type: 'sync', cursor: expect.stringMatching(/^c1\./) });
    client.send({ type: 'ping' });
    await client.waitFor((messages) => messages.some((m) => m.type === 'pong'));
    expect(client.messages.find((m) => m.type === 'pong')).toEqual({ type: 'pong' });

    const before = client.syncCount();
    const item = await publish();
    await client.waitFor(() => client.syncCount() > before);
    const message = client.messages.filter((m) => m.type === 'sync').at(-1)!;
    expect(Object.keys(message).sort()).toEqual(['cursor', 'type']);
    // The announced change is visible to a sync made right away.
    const sync = await server.call('/v1/sync', { token: advocate.token });
    const body = (await sync.json()) as { content: { id: string }[]; cursor: string };
    expect(body.content.map((c) => c.id)).toContain(item.id);
    client.close();
  });

  it('does not announce draft edits', async () => {
    const client = await StreamClient.connect(server.url, advocate.token);
    await client.waitFor((messages) => messages.length >= 1);
    const draft = await server.call('/v1/admin/content', {
      method: 'POST',
      token: await server.adminToken(),
      json: post,
    });
    expect(draft.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.syncCount()).toBe(1);
    client.close();
  });

  it('announces guideline and scoring changes', async () => {
    const client = await StreamClient.connect(server.url, advocate.token);
    await client.waitFor((messages) => messages.length >= 1);
    const response = await server.call('/v1/admin/guidelines', {
      method: 'PUT',
      token: await server.adminToken(),
      json: { bannedTerms: [{ pattern: 'moon', reason: 'no promises' }] },
    });
    expect(response.status).toBe(200);
    await client.waitFor(() => client.syncCount() >= 2);
    client.close();
  });

  it('fans out one publish to many clients', async () => {
    const advocates = await Promise.all(Array.from({ length: 20 }, (_, i) => server.enroll(`Fan ${i}`)));
    const clients = await Promise.all(
      advocates.flatMap((a) => [StreamClient.connect(server.url, a.token), StreamClient.connect(server.url, a.token)]),
    );
    await Promise.all(clients.map((client) => client.waitFor((messages) => messages.length >= 1)));
    await publish();
    await Promise.all(clients.map((client) => client.waitFor(() => client.syncCount() >= 2)));
    expect(clients.every((client) => client.syncCount() >= 2)).toBe(true);
    for (const client of clients) client.close();
  });

  it('a slow reader does not delay the others, and is dropped when too far behind', async () => {
    const slowAdvocate = await server.enroll('Slow');
    const slow = await StreamClient.connect(server.url, slowAdvocate.token);
    const fast = await StreamClient.connect(server.url, advocate.token);
    await slow.waitFor((m) => m.length >= 1);
    await fast.waitFor((m) => m.length >= 1);
    // Stop reading on the slow client's socket: its server-side buffer grows.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // Keep the slow client's server buffer full: broadcast directly, far more than maxBufferedBytes.
    const filler = JSON.stringify({ type: 'sync', cursor: 'c1.0.0', pad: 'x'.repeat(4_000) });
    for (let i = 0; i < 400; i++) server.hub.broadcast(filler);
    const before = fast.syncCount();
    const started = Date.now();
    await publish();
    await fast.waitFor(
      () =>
        fast.messages.filter((m) => m.type === 'sync' && m.cursor !== 'c1.0.0').length > 1 && fast.syncCount() > before,
      3_000,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slow.closed()).not.toBe(1000);
    fast.close();
  });

  it('drops a client that floods pings and never reads, and stays responsive to others', async () => {
    const flooderAdvocate = await server.enroll('Flooder');
    const flooder = await StreamClient.connect(server.url, flooderAdvocate.token);
    const other = await StreamClient.connect(server.url, advocate.token);
    await flooder.waitFor((m) => m.length >= 1);
    await other.waitFor((m) => m.length >= 1);
    const socket = (flooder.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    const droppedBefore = server.hub.stats.droppedFlood + server.hub.stats.droppedSlow;
    const ping = JSON.stringify({ type: 'ping' });
    for (let batch = 0; batch < 40 && flooder.ws.readyState === flooder.ws.OPEN; batch++) {
      for (let i = 0; i < 10_000; i++) flooder.ws.send(ping);
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (server.hub.stats.droppedFlood + server.hub.stats.droppedSlow > droppedBefore) break;
    }
    await expect
      .poll(() => server.hub.stats.droppedFlood + server.hub.stats.droppedSlow, { timeout: 5_000 })
      .toBeGreaterThan(droppedBefore);
    // The others are answered at once: a pong on the stream and an HTTP request.
    const started = Date.now();
    other.send({ type: 'ping' });
    await other.waitFor((m) => m.some((message) => message.type === 'pong'), 1_000);
    expect((await server.call('/healthz')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    socket.resume();
    expect(await flooder.closed()).not.toBe(1000);
    other.close();
  });

  it('closes a stream that stops pinging', async () => {
    const client = await StreamClient.connect(server.url, advocate.token);
    expect(await client.closed(6_000)).toBe(4408);
  });

  it('a scheduled item produces a notification when it comes due, and an expiring one when it expires', async () => {
    const client = await StreamClient.connect(server.url, advocate.token);
    const keepAlive = setInterval(() => client.send({ type: 'ping' }), 500);
    await client.waitFor((messages) => messages.length >= 1);
    const base = client.syncCount();
    const publishAt = new Date(server.clock.now + 1_200).toISOString();
    const expiresAt = new Date(server.clock.now + 2_400).toISOString();
    const item = await publish({ publishAt, expiresAt });
    // Scheduled: no advocate-visible change yet, so scheduling itself announces but the item is absent.
    await client.waitFor(() => client.syncCount() >= base + 1);
    let sync = (await (await server.call('/v1/sync', { token: advocate.token })).json()) as {
      content: { id: string }[];
    };
    expect(sync.content.map((c) => c.id)).not.toContain(item.id);

    await client.waitFor(() => client.syncCount() >= base + 2, 4_000);
    expect(server.clock.now).toBeGreaterThanOrEqual(Date.parse(publishAt));
    sync = (await (await server.call('/v1/sync', { token: advocate.token })).json()) as { content: { id: string }[] };
    expect(sync.content.map((c) => c.id)).toContain(item.id);

    await client.waitFor(() => client.syncCount() >= base + 3, 4_000);
    expect(server.clock.now).toBeGreaterThanOrEqual(Date.parse(expiresAt));
    sync = (await (await server.call('/v1/sync', { token: advocate.token })).json()) as { content: { id: string }[] };
    expect(sync.content.map((c) => c.id)).not.toContain(item.id);
    clearInterval(keepAlive);
    client.close();
  });

  it('graceful shutdown closes streams with 1012 (reconnect elsewhere)', async () => {
    const other = await startTestServer();
    const who = await other.enroll();
    const client = await StreamClient.connect(other.url, who.token);
    const stopping = other.stop();
    expect(await client.closed()).toBe(1012);
    await stopping;
  });
});
