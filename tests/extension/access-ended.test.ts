/**
 * The background when its token stops working, against the real server: an admin removes the
 * advocate (keeping or erasing their data), the token expires from disuse, or the server does not
 * know it. Whichever call hears the 401 first (the stream's close, sync, the outbox, /v1/me, the
 * leaderboard), the live connection stops, every store is cleared and the popup's state says why.
 * Also the advocate's own sign-out, revoked on the server, and retried when the server was down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../entrypoints/background/api-client';
import { BackgroundController, OUTBOX_ALARM } from '../../entrypoints/background/controller';
import { recordShare } from '../../entrypoints/background/outbox';
import { getMeta, setMeta, type RelayDexie } from '../../entrypoints/background/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, fakePort, freshDb, publish, until } from './helpers';

const DAY = 86_400_000;

/** Every store of the extension's database, as rows. */
async function everything(db: RelayDexie) {
  return {
    content: await db.content.count(),
    shares: await db.shares.count(),
    outbox: await db.outbox.count(),
    meta: (await db.meta.toArray()).map((row) => row.key).sort(),
  };
}

describe('the background when access ends', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer({ tokenIdleMs: 10 * DAY, sessionTtlMs: 300 * DAY });
    admin = await server.adminToken();
    await publish(server, 'Company news');
  });
  afterAll(() => server.stop());

  /** An enrolled browser with synced posts, one delivered share and one still waiting. */
  async function enrolled(name: string) {
    const { port, calls } = fakePort();
    const controller = new BackgroundController(freshDb(), port);
    const invite = await server.call('/v1/admin/invites', { method: 'POST', json: {}, token: admin });
    const { code } = (await invite.json()) as { code: string };
    expect(await ask(controller, 'enroll', { serverUrl: server.url, code, name })).toEqual({ ok: true });
    const enrollment = (await getMeta(controller.db, 'enrollment'))!;
    const [post] = await controller.db.content.toArray();
    await recordShare(controller.db, { contentId: post!.id, network: 'linkedin', source: 'popup' });
    await controller.flush(true);
    await recordShare(controller.db, { contentId: post!.id, network: 'x', source: 'composer' });
    await controller.db.outbox.toCollection().modify({ nextAttemptAt: Date.now() + 60 * 60_000 });
    const before = await everything(controller.db);
    expect(before).toMatchObject({ shares: 2, outbox: 1 });
    expect(before.content).toBeGreaterThan(0);
    return { controller, calls, id: enrollment.advocate.id, token: enrollment.token };
  }

  const removeAdvocate = async (id: string, erase = false) => {
    const response = await server.call(`/v1/admin/advocates/${id}?erase=${erase}`, { method: 'DELETE', token: admin });
    expect(response.status).toBe(erase ? 204 : 200);
  };

  async function expectCleared(controller: BackgroundController, reason: 'revoked' | 'expired' | 'unknown') {
    expect(await everything(controller.db)).toEqual({ content: 0, shares: 0, outbox: 0, meta: ['accessEnded'] });
    const state = await controller.state();
    expect(state.enrollment).toBeNull();
    expect(state.content).toEqual([]);
    expect(state.pendingShares).toBe(0);
    expect(state.accessEnded?.reason).toBe(reason);
    expect(state.accessEnded?.message).toMatch(/saved posts .* cleared from this browser/);
    expect(state.setup.serverUrl).toBe(server.url); // offered again for a new invite
    expect(controller.live.connected).toBe(false);
    return state.accessEnded!;
  }

  it('an admin removes the advocate (data kept): the stream closes and the browser clears itself unprompted', async () => {
    const { controller, calls, id } = await enrolled('Ada Removed');
    await until(() => controller.live.connected);
    const changedBefore = calls.changed;
    await removeAdvocate(id);
    // Nothing here calls the server: the stream's 4401 close leads to the sync that hears the 401.
    await until(async () => (await getMeta(controller.db, 'enrollment')) === undefined);
    await controller.settled();
    const notice = await expectCleared(controller, 'revoked');
    expect(notice.title).toBe('Your access to Relay was removed');
    expect(calls.badge.at(-1)).toBe('');
    expect(calls.changed).toBeGreaterThan(changedBefore);
    // The live connection stays down: no reconnect is attempted with the dead token.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(controller.live.connected).toBe(false);
  });

  it('an admin erases the advocate: the waiting share’s 401 clears everything and schedules no retry', async () => {
    const { controller, calls, id } = await enrolled('Bo Erased');
    controller.live.stop();
    await removeAdvocate(id, true);
    const alarmsBefore = calls.alarms.filter((name) => name === OUTBOX_ALARM).length;
    await controller.flush(true);
    await controller.settled();
    await expectCleared(controller, 'revoked');
    expect(calls.alarms.filter((name) => name === OUTBOX_ALARM).length).toBe(alarmsBefore);
  });

  it('a token unused too long: the Points tab’s refresh (GET /v1/me) hears it has expired', async () => {
    const { controller } = await enrolled('Cy Idle');
    controller.live.stop();
    server.clock.advance(11 * DAY);
    const view = await ask(controller, 'getPoints', { refresh: true });
    expect(view.error).toMatch(/no longer connected/);
    await controller.settled();
    const notice = await expectCleared(controller, 'expired');
    expect(notice.title).toBe('Your Relay sign-in expired');
  });

  it('a token the server does not know: the leaderboard hears it; enrolling again starts afresh', async () => {
    const { controller } = await enrolled('Di Unknown');
    controller.live.stop();
    const enrollment = (await getMeta(controller.db, 'enrollment'))!;
    await setMeta(controller.db, 'enrollment', { ...enrollment, token: 'rlv_never-issued' });
    await ask(controller, 'getLeaderboard', { period: 'week' });
    await controller.settled();
    await expectCleared(controller, 'unknown');

    const invite = await server.call('/v1/admin/invites', { method: 'POST', json: {}, token: admin });
    const { code } = (await invite.json()) as { code: string };
    expect(await ask(controller, 'enroll', { serverUrl: server.url, code, name: 'Di Again' })).toEqual({ ok: true });
    const state = await controller.state();
    expect(state.accessEnded).toBeNull();
    expect(state.enrollment?.advocate.name).toBe('Di Again');
    expect(state.content.length).toBeGreaterThan(0);
    controller.live.stop();
  });

  it('a 401 heard by an older enrolment’s call leaves a newer enrolment alone', async () => {
    const { controller } = await enrolled('Ed Twice');
    controller.live.stop();
    const first = (await getMeta(controller.db, 'enrollment'))!;
    await removeAdvocate(first.advocate.id);
    const invite = await server.call('/v1/admin/invites', { method: 'POST', json: {}, token: admin });
    const { code } = (await invite.json()) as { code: string };
    expect(await ask(controller, 'enroll', { serverUrl: server.url, code, name: 'Ed Again' })).toEqual({ ok: true });
    controller.live.stop();
    // A call still made with the first enrolment's token hears its 401 now, and ends that access:
    // the newer enrolment stays.
    let ending: Promise<void> | undefined;
    const stale = new ApiClient(server.url, first.token, {
      onAccessEnded: (error) => (ending = controller.endAccess(error, first)),
    });
    await controller.live.start();
    await until(() => controller.live.connected);
    await expect(stale.me()).rejects.toMatchObject({ status: 401, accessEnd: 'token-revoked' });
    await ending;
    expect(controller.live.connected).toBe(true);
    controller.live.stop();
    expect((await controller.state()).enrollment?.advocate.name).toBe('Ed Again');
  });
});

describe('signing out', () => {
  it('revokes the token on the server; when the server is down, only the token is kept and retried at the next wake', async () => {
    const first = await startTestServer();
    await publish(first, 'Before the outage');
    const { port } = fakePort();
    const controller = new BackgroundController(freshDb(), port);
    const invite = await first.call('/v1/admin/invites', { method: 'POST', json: {}, token: await first.adminToken() });
    const { code } = (await invite.json()) as { code: string };
    expect(await ask(controller, 'enroll', { serverUrl: first.url, code, name: 'Flo Leaves' })).toEqual({ ok: true });
    const { token } = (await getMeta(controller.db, 'enrollment'))!;
    controller.live.stop();

    await first.close(); // the server is down while the advocate signs out
    await controller.signOut();
    expect(await everything(controller.db)).toEqual({ content: 0, shares: 0, outbox: 0, meta: ['pendingSignOuts'] });
    expect(await getMeta(controller.db, 'pendingSignOuts')).toEqual([
      { serverUrl: first.url, token, at: expect.any(String) },
    ]);
    const state = await controller.state();
    expect(state.enrollment).toBeNull();
    expect(state.accessEnded).toBeNull(); // signing out is no surprise: no notice

    const again = await startTestServer({ ...first.deps.config, port: first.port });
    try {
      expect((await again.call('/v1/sync', { token })).status).toBe(200); // still valid on the server
      await controller.wake();
      expect(await getMeta(controller.db, 'pendingSignOuts')).toBeUndefined();
      expect((await again.call('/v1/sync', { token })).status).toBe(401);
    } finally {
      await again.stop();
    }
  });
});
