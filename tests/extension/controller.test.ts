import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundController, NOTIFICATION_PREFIX } from '../../entrypoints/background/controller';
import { getMeta } from '../../entrypoints/background/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, DOWN_URL, fakePort, freshDb, publish, until } from './helpers';

describe('background controller', () => {
  let server: TestServer;
  let code: string;

  beforeAll(async () => {
    server = await startTestServer();
    await publish(server, 'Welcome post');
    const invite = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await server.adminToken(),
    });
    code = ((await invite.json()) as { code: string }).code;
  });
  afterAll(() => server.stop());

  it('explains enrolment failures: unreachable, unknown code, expired invite, missing fields', async () => {
    const { port } = fakePort();
    const controller = new BackgroundController(freshDb(), port);
    expect(await ask(controller, 'enroll', { serverUrl: DOWN_URL, code, name: 'A' })).toMatchObject({
      ok: false,
      kind: 'unreachable',
    });
    expect(await ask(controller, 'enroll', { serverUrl: server.url, code: 'NOPE-NOPE', name: 'A' })).toMatchObject({
      ok: false,
      kind: 'bad-code',
    });
    const expiring = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: { expiresAt: new Date(server.clock.now + 60_000).toISOString() },
      token: await server.adminToken(),
    });
    const expiredCode = ((await expiring.json()) as { code: string }).code;
    server.clock.advance(120_000);
    const expired = await ask(controller, 'enroll', { serverUrl: server.url, code: expiredCode, name: 'A' });
    expect(expired).toMatchObject({ ok: false, kind: 'expired' });
    expect((expired as { message: string }).message).toMatch(/expired/i);
    expect(await ask(controller, 'enroll', { serverUrl: server.url, code, name: '  ' })).toMatchObject({
      ok: false,
      kind: 'invalid',
    });
    expect(await ask(controller, 'enroll', { serverUrl: 'ftp://x', code, name: 'A' })).toMatchObject({
      ok: false,
      kind: 'invalid',
    });
    expect(await ask(controller, 'enroll', 'garbage')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await getMeta(controller.db, 'enrollment')).toBeUndefined();
  });

  it('uses the locked server URL whatever the popup sends', async () => {
    const { port } = fakePort({ locked: server.url });
    const controller = new BackgroundController(freshDb(), port);
    expect(await ask(controller, 'enroll', { serverUrl: 'https://elsewhere.invalid', code, name: 'Locked' })).toEqual({
      ok: true,
    });
    expect((await getMeta(controller.db, 'enrollment'))?.serverUrl).toBe(server.url);
    // No identity API in this fake browser: invite codes only.
    expect((await controller.state()).setup).toEqual({
      serverUrl: server.url,
      locked: true,
      signIn: 'invite',
      silentSignIn: false,
    });
    controller.live.stop();
  });

  it('enrols, syncs, hears a publish live (badge + notification), shares and signs out', async () => {
    const { port, calls } = fakePort();
    const controller = new BackgroundController(freshDb(), port);
    expect(await ask(controller, 'enroll', { serverUrl: server.url, code, name: 'Grace' })).toEqual({ ok: true });
    let state = await controller.state();
    expect(state.enrollment?.advocate.name).toBe('Grace');
    expect(state.content.map((c) => c.title)).toContain('Welcome post');
    expect(state.unseen).toEqual([]);
    await until(() => controller.live.connected);

    const fresh = await publish(server, 'Breaking news');
    await until(async () => (await controller.db.content.get(fresh.id)) !== undefined);
    await until(() => calls.badge.at(-1) === '1');
    expect(calls.notifications).toContainEqual({
      id: NOTIFICATION_PREFIX + fresh.id,
      title: 'New to share: Breaking news',
    });
    state = await controller.state();
    expect(state.content[0]?.id).toBe(fresh.id); // newest first
    expect(state.unseen).toEqual([fresh.id]);
    expect(state.content[0]?.suggestions.x).toMatch(/^Breaking news on X http:\/\/relay\.test\/r\/\w+$/);
    expect(state.content[0]?.suggestions.facebook).toMatch(/^http:\/\/relay\.test\/r\/\w+$/);

    await ask(controller, 'markSeen');
    expect(calls.badge.at(-1)).toBe('');

    const shared = await ask(controller, 'share', { contentId: fresh.id, network: 'x' });
    expect(shared.ok).toBe(true);
    const url = new URL(calls.tabs.at(-1)!);
    expect(`${url.origin}${url.pathname}`).toBe('https://x.com/intent/post');
    expect(url.searchParams.get('text')).toBe(state.content[0]?.suggestions.x);
    // Opening X's composer is not a share: nothing is logged until the post is published there.
    expect(await controller.db.shares.count()).toBe(0);
    expect(await controller.db.outbox.count()).toBe(0);
    expect((await controller.state()).points?.shares).toBe(0);
    // The X content script saw it published (composerShare): now it is logged, and delivered.
    const published = await ask(controller, 'composerShare', {
      shareId: crypto.randomUUID(),
      contentId: fresh.id,
      network: 'x',
      personalized: false,
    });
    expect(published.ok).toBe(true);
    expect(await controller.db.shares.toArray()).toEqual([
      expect.objectContaining({ contentId: fresh.id, network: 'x', source: 'composer' }),
    ]);
    await until(async () => (await controller.db.outbox.count()) === 0);
    expect((await controller.state()).points?.shares).toBe(1);
    expect(await ask(controller, 'share', { contentId: fresh.id, network: 'tiktok' })).toMatchObject({ ok: false });
    expect(await ask(controller, 'share', { contentId: 'missing', network: 'x' })).toMatchObject({ ok: false });

    const { token } = (await getMeta(controller.db, 'enrollment'))!;
    expect((await server.call('/v1/sync', { token })).status).toBe(200);
    await controller.signOut();
    state = await controller.state();
    expect(state.enrollment).toBeNull();
    expect(state.content).toEqual([]);
    expect(state.accessEnded).toBeNull();
    expect(controller.live.connected).toBe(false);
    // Nothing of the advocate stays in this browser, and the server no longer takes the token.
    expect(await controller.db.shares.count()).toBe(0);
    expect(await controller.db.outbox.count()).toBe(0);
    expect(await controller.db.meta.count()).toBe(0);
    expect((await server.call('/v1/sync', { token })).status).toBe(401);
  });
});
