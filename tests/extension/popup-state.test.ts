import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotOf, stateFromSnapshot } from '../../components/popup/popupSnapshot';
import { FIRST_PAGE } from '../../components/popup/PostList';
import { BackgroundController, type BrowserPort } from '../../entrypoints/background/controller';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, EXTENSION_VERSION, freshDb, publish } from './helpers';

const port: BrowserPort = {
  setBadge: async () => {},
  notify: async () => {},
  openTab: async () => {},
  scheduleAlarm: async () => {},
  broadcastChanged: () => {},
  configuredServerUrl: async () => null,
  clientVersion: EXTENSION_VERSION,
  WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
};

describe("the popup's state", () => {
  let server: TestServer;
  let controller: BackgroundController;

  beforeAll(async () => {
    server = await startTestServer();
    for (let i = 0; i < 12; i++) {
      await publish(server, `Post ${String(i).padStart(2, '0')}`);
      server.clock.advance(1_000); // distinct publish times, in order
    }
    const invite = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await server.adminToken(),
    });
    const { code } = (await invite.json()) as { code: string };
    controller = new BackgroundController(freshDb(), port);
    expect(await ask(controller, 'enroll', { serverUrl: server.url, code, name: 'Reader' })).toEqual({ ok: true });
    controller.live.stop();
  });
  afterAll(() => server.stop());

  it('with a limit, holds only the newest posts, in the same order as the full state, and the total', async () => {
    const full = await controller.state();
    const first = await controller.state(5);
    expect(full.total).toBe(12);
    expect(first.total).toBe(12);
    expect(full.content).toHaveLength(12);
    expect(first.content.map((item) => item.id)).toEqual(full.content.slice(0, 5).map((item) => item.id));
    expect(first.content[0]?.title).toBe('Post 11');
    expect(first.points).toEqual(full.points);
  });

  it('carries suggested texts, not the raw variants and links', async () => {
    const [item] = (await controller.state(1)).content;
    expect(item?.suggestions.linkedin).toMatch(/^Post 11 on LinkedIn http:\/\/relay\.test\/r\/\w+$/);
    expect(item).not.toHaveProperty('variants');
    expect(item).not.toHaveProperty('links');
  });

  it("survives the popup's snapshot: the next popup draws the same first screen", async () => {
    const full = await controller.state();
    const kept = stateFromSnapshot(snapshotOf(full));
    expect(kept).toEqual({ ...full, content: full.content.slice(0, FIRST_PAGE), unseen: [] });
  });
});
