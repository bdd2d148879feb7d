/**
 * Today's background against a newer server: a loopback HTTP and WebSocket server answering what a
 * future Relay might (tests/helpers/future-payload.ts: new fields at every level, a `mastodon`
 * network, a new guideline rule, a new badge metric, new stream message types). Everything is
 * stored without what it does not know, the rest kept, and nothing fails: enrolment, sync, the
 * popup's state, a share, the Points tab, the leaderboard, the composer and live sync.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundController } from '../../entrypoints/background/controller';
import { getMeta } from '../../entrypoints/background/db';
import { perNetwork } from '../../lib/networks';
import { DEFAULT_SCORING } from '../../lib/schemas';
import {
  FUTURE_CURSOR,
  FUTURE_NETWORK,
  FUTURE_ONLY_ID,
  FUTURE_STREAM_FRAMES,
  SHARED_ID,
  futureLeaderboard,
  futureMe,
  futureSync,
  futureSyncMessage,
  withUnknownFields,
} from '../helpers/future-payload';
import { ask, EXTENSION_VERSION, fakePort, freshDb, until } from './helpers';

const NEXT_CURSOR = 'c9.future.2';
const LATER_ID = 'future-2';
const ADVOCATE = { id: 'adv-future', name: 'Fay Future' };

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  client: string | undefined;
}

/** A newer Relay server, as far as the extension can tell: fixed answers, every request recorded. */
class FutureServer {
  readonly seen: Seen[] = [];
  readonly streamUrls: string[] = [];
  private readonly sockets = new Set<ServerSocket>();
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  url = '';
  /** Set when the next delta brings one more post. */
  laterPublished = false;

  constructor() {
    this.http = createServer((request, response) => void this.answer(request, response));
    this.wss = new WebSocketServer({ server: this.http, handleProtocols: () => 'relay.v1' });
    this.wss.on('connection', (socket, request) => {
      this.streamUrls.push(request.url ?? '');
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      for (const frame of FUTURE_STREAM_FRAMES) socket.send(frame);
      socket.send(futureSyncMessage(FUTURE_CURSOR));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  broadcast(...frames: string[]): void {
    for (const socket of this.sockets) for (const frame of frames) socket.send(frame);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    await new Promise((resolve) => this.http.close(resolve));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for await (const _chunk of request); // the body is not needed
    const url = new URL(request.url ?? '/', this.url);
    const client = request.headers['relay-client'];
    this.seen.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      client: typeof client === 'string' ? client : undefined,
    });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', etag: `W/"${status}-${Date.now()}"` });
      response.end(JSON.stringify(body));
    };
    const key = `${request.method} ${url.pathname}`;
    if (key === 'POST /v1/enroll')
      return send(201, withUnknownFields({ token: 'rlv_future', advocate: ADVOCATE, welcome: 'hello' }));
    if (key === 'GET /v1/sync') {
      const full = futureSync(this.url);
      if (url.searchParams.get('cursor') !== FUTURE_CURSOR) return send(200, full);
      if (!this.laterPublished) return send(200, { ...full, content: [], removed: [] });
      // The delta after the live message: one more post, on X and Mastodon.
      const later = { ...full.content[0]!, id: LATER_ID, title: 'Later news', networks: ['x', FUTURE_NETWORK] };
      return send(200, { ...full, cursor: NEXT_CURSOR, content: [later], removed: [] });
    }
    if (key === 'GET /v1/me') return send(200, futureMe(ADVOCATE));
    if (key === 'GET /v1/leaderboard') return send(200, futureLeaderboard(ADVOCATE.name));
    if (key === 'POST /v1/shares') return send(200, { accepted: 1, duplicates: 0, streakKept: true });
    send(404, { type: 'about:blank', title: 'Not Found', status: 404 });
  }
}

describe('today’s extension against a newer server', () => {
  let future: FutureServer;

  beforeAll(async () => {
    future = new FutureServer();
    await future.start();
  });
  afterAll(() => future.stop());

  it('enrols, syncs, shares, scores, ranks and hears live messages, leaving out only what it does not know', async () => {
    const { port, calls } = fakePort();
    const controller = new BackgroundController(freshDb(), port);
    const db = controller.db;
    try {
      expect(
        await ask(controller, 'enroll', { serverUrl: future.url, code: 'FUTR-CODE', name: ADVOCATE.name }),
      ).toEqual({
        ok: true,
      });
      expect((await getMeta(db, 'enrollment'))?.advocate).toEqual(ADVOCATE);
      await until(async () => (await getMeta(db, 'cursor')) !== undefined);

      // Stored: the post without Mastodon or unknown fields; the Mastodon-only post not at all.
      expect((await getMeta(db, 'status'))?.error).toBeNull();
      const stored = await db.content.toArray();
      expect(stored.map((item) => item.id)).toEqual([SHARED_ID]);
      const item = stored[0]!;
      expect(item.networks).toEqual(['linkedin', 'x', 'facebook']);
      expect(Object.keys(item.variants).sort()).toEqual(['linkedin', 'x']);
      expect(Object.keys(item.links).sort()).toEqual(['facebook', 'linkedin', 'x']);
      expect(item).not.toHaveProperty('audience');
      expect(JSON.stringify(stored)).not.toMatch(/addedLater|priority|mastodon/);
      expect(await db.content.get(FUTURE_ONLY_ID)).toBeUndefined();
      expect(await getMeta(db, 'guidelines')).toEqual({
        disclosure: { text: '#employee', networks: ['linkedin'] },
        bannedTerms: [{ pattern: 'guaranteed returns', reason: 'financial promise' }],
        maxHashtags: 3,
      });
      const scoring = await getMeta(db, 'scoring');
      expect(scoring?.pointsPerShare).toEqual({ ...perNetwork(() => 0), linkedin: 10, x: 10, facebook: 5 });
      expect(scoring?.badges.map((badge) => badge.id)).toEqual(DEFAULT_SCORING.badges.map((badge) => badge.id));

      // The popup's state and the composer read it as usual.
      const state = await controller.state();
      expect(state.status.error).toBeNull();
      expect(state.content.map((post) => post.id)).toEqual([SHARED_ID]);
      expect(Object.keys(state.content[0]!.suggestions).sort()).toEqual(['facebook', 'linkedin', 'x']);
      expect(state.content[0]!.suggestions.linkedin).toContain(`${future.url}/r/aaaaaaaa`);
      const composer = await ask(controller, 'composerData', { network: 'linkedin' });
      expect(composer.items.map((post) => post.id)).toEqual([SHARED_ID]);
      expect(composer.guidelines.maxHashtags).toBe(3);

      // A share goes out and is acknowledged.
      const shared = await ask(controller, 'share', { contentId: SHARED_ID, network: 'facebook' });
      expect(shared).toMatchObject({ ok: true });
      expect(calls.tabs.at(-1)).toContain(encodeURIComponent(`${future.url}/r/cccccccc`));
      await until(async () => (await db.outbox.count()) === 0);

      // The Points tab: /v1/me's badges of unknown kinds and Mastodon history left out.
      const points = await ask(controller, 'getPoints', { refresh: true });
      expect(points.error).toBeNull();
      expect(Object.keys(points.standing ?? {}).sort()).toEqual(['all', 'month', 'week']);
      expect(points.settings).toEqual({ clickTracking: true, leaderboard: true });
      const me = (await getMeta(db, 'me'))?.value;
      expect(me?.badges.map((badge) => badge.id)).toEqual(['first-share']);
      expect(JSON.stringify(me?.history)).not.toContain(FUTURE_NETWORK);
      expect(points.score?.shares).toBeGreaterThanOrEqual(2); // the LinkedIn share from the server, the Facebook one here
      const board = await ask(controller, 'getLeaderboard', { period: 'week' });
      expect(board.error).toBeNull();
      expect(board.board?.entries).toEqual([{ rank: 1, name: ADVOCATE.name, points: 15, team: null, you: true }]);

      // Live: message types it does not know are ignored; a sync message with new fields syncs.
      await until(() => controller.live.connected);
      future.laterPublished = true;
      future.broadcast(...FUTURE_STREAM_FRAMES, futureSyncMessage(NEXT_CURSOR));
      await until(async () => (await db.content.get(LATER_ID)) !== undefined);
      expect((await db.content.get(LATER_ID))?.networks).toEqual(['x']);
      expect(await getMeta(db, 'cursor')).toBe(NEXT_CURSOR);
      expect((await getMeta(db, 'status'))?.error).toBeNull();

      // Every request and the stream said which version sent them.
      expect(future.seen.length).toBeGreaterThanOrEqual(6);
      for (const request of future.seen)
        expect(request.client, `${request.method} ${request.path}`).toBe(EXTENSION_VERSION);
      expect(future.streamUrls[0]).toBe(`/v1/stream?relay-client=${encodeURIComponent(EXTENSION_VERSION)}`);
    } finally {
      controller.live.stop();
      await controller.settled();
    }
  });
});
