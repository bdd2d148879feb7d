/**
 * A publish carries each reporting extension's sync answer in its nudge: the answer GET /v1/sync
 * would give, or none. Answers are made at most two connections at a time here (one, then two), so a
 * publish to several extensions makes the next batches' answers while it sends the batch before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamClient, type StreamMessage } from '../helpers/stream-client';
import { startTestServer, type TestServer } from '../helpers/server';

interface Answer {
  cursor: string;
  content: { id: string; title: string; links: Record<string, string> }[];
  removed: string[];
  guidelines: unknown;
  scoring: unknown;
  selectorOverrides: unknown;
}
type Nudge = StreamMessage & { since?: string; etag?: string; answer?: Answer };

const post = (title: string) => ({
  title,
  url: 'https://example.com/news/inline',
  variants: { linkedin: ['Read this {link}'], x: ['Read this'] },
  publish: true,
});

describe('the answer inside the stream nudge', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      stream: { idleMs: 60_000, maxPerToken: 5, maxBufferedBytes: 256 * 1024, answerBatch: 2 },
    });
  });
  afterAll(() => server.stop());

  const publish = async (title: string) => {
    const response = await server.call('/v1/admin/content', {
      method: 'POST',
      token: await server.adminToken(),
      json: post(title),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };

  const sync = async (token: string, cursor?: string) => {
    const response = await server.call(`/v1/sync${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(response.status).toBe(200);
    return { body: (await response.json()) as Answer, etag: response.headers.get('etag') };
  };

  /** Connects, waits for the greeting, reports `cursor` (if any) and waits until the hub has read it (a pong after it). */
  const connect = async (token: string, cursor?: unknown) => {
    const client = await StreamClient.connect(server.url, token);
    await client.waitFor((messages) => messages.length >= 1);
    if (cursor !== undefined) client.send({ type: 'cursor', cursor });
    client.send({ type: 'ping' });
    await client.waitFor((messages) => messages.some((message) => message.type === 'pong'));
    return client;
  };

  /** Call before the publish; the function it returns waits for the next nudge. */
  const nextNudge = (client: StreamClient): (() => Promise<Nudge>) => {
    const before = client.syncCount();
    return async () => {
      await client.waitFor(() => client.syncCount() > before);
      return client.messages.filter((message) => message.type === 'sync').at(-1) as Nudge;
    };
  };

  it('an extension that reported its cursor gets the answer GET /v1/sync gives for it, links and ETag included', async () => {
    const advocate = await server.enroll('Inline Ida');
    const first = await sync(advocate.token);
    const client = await connect(advocate.token, first.body.cursor);
    const waiting = nextNudge(client);
    const item = await publish('Inline for Ida');
    const nudge = await waiting();

    expect(nudge.since).toBe(first.body.cursor);
    expect(nudge.answer?.content.map((entry) => entry.id)).toEqual([item.id]);
    expect(nudge.answer?.content[0]?.links.linkedin).toMatch(/\/r\/[0-9A-Za-z]{14}$/);
    const fetched = await sync(advocate.token, first.body.cursor);
    const { cursor: _inlineCursor, ...carried } = nudge.answer!;
    const { cursor: _fetchedCursor, ...answered } = fetched.body;
    expect(carried).toEqual(answered);
    expect(nudge.etag).toBe(fetched.etag);
    // The carried cursor is one this server takes: a sync from it finds nothing new.
    const after = await sync(advocate.token, nudge.answer!.cursor);
    expect(after.body.content).toEqual([]);
    client.close();
  });

  it('five extensions, answered two at a time: each gets its own answer, as GET /v1/sync gives it', async () => {
    const advocates = await Promise.all(['Ann', 'Bo', 'Cy', 'Di', 'Ed'].map((name) => server.enroll(`Batch ${name}`)));
    const firsts = await Promise.all(advocates.map((advocate) => sync(advocate.token)));
    const clients = await Promise.all(advocates.map((advocate, i) => connect(advocate.token, firsts[i]!.body.cursor)));
    const waiting = clients.map(nextNudge);
    await publish('For five, in batches');
    const nudges = await Promise.all(waiting.map((wait) => wait()));

    const codes = new Set<string>();
    for (const [i, nudge] of nudges.entries()) {
      expect(nudge.since).toBe(firsts[i]!.body.cursor);
      const fetched = await sync(advocates[i]!.token, firsts[i]!.body.cursor);
      expect(nudge.answer?.content).toEqual(fetched.body.content);
      expect(nudge.etag).toBe(fetched.etag);
      codes.add(nudge.answer!.content[0]!.links.linkedin!);
    }
    // Personal links: no two advocates share one.
    expect(codes.size).toBe(5);
    for (const client of clients) client.close();
  });

  it('direct links for an advocate who turned click tracking off, as GET /v1/sync makes them', async () => {
    const advocate = await server.enroll('Direct Dan');
    const patched = await server.call('/v1/me', {
      method: 'PATCH',
      token: advocate.token,
      json: { clickTracking: false },
    });
    expect(patched.status).toBe(200);
    const first = await sync(advocate.token);
    const client = await connect(advocate.token, first.body.cursor);
    const waiting = nextNudge(client);
    await publish('Direct for Dan');
    const nudge = await waiting();

    expect(nudge.answer?.content[0]?.links.x).toMatch(/^https:\/\/example\.com\/news\/inline\?utm_/);
    const fetched = await sync(advocate.token, first.body.cursor);
    expect(nudge.answer?.content).toEqual(fetched.body.content);
    client.close();
  });

  it('no answer without a report, for a cursor that no longer fits, or for one the server never issued', async () => {
    const silent = await server.enroll('Silent Sam');
    const changed = await server.enroll('Changed Chris');
    const forged = await server.enroll('Forged Fay');
    const changedCursor = (await sync(changed.token)).body.cursor;
    // Click tracking switched after that cursor: every link changes, which only a full answer carries.
    await server.call('/v1/me', { method: 'PATCH', token: changed.token, json: { clickTracking: false } });
    const clients = await Promise.all([
      connect(silent.token),
      connect(changed.token, changedCursor),
      connect(forged.token, 'c1.zzzzzz.1'),
      connect(forged.token, '<b>not a cursor</b>'),
    ]);
    const waiting = clients.map(nextNudge);
    await publish('Plain for everyone');
    for (const wait of waiting) {
      const nudge = await wait();
      expect(Object.keys(nudge).sort()).toEqual(['cursor', 'type']);
    }
    for (const client of clients) client.close();
  });
});
