/**
 * The toolbar badge counts new, unshared posts: new ones arrive with a sync, a share (from the
 * popup or a site's composer) takes its post off the count at once, and opening the popup's list
 * (markSeen) clears it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, newUnsharedCount } from '../../entrypoints/background/badge';
import { BackgroundController } from '../../entrypoints/background/controller';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, fakePort, freshDb, publish, until } from './helpers';

describe('toolbar badge', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await publish(server, 'Already there');
  });
  afterAll(() => server.stop());

  it('says the count, 99+ past 99, and nothing at 0', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });

  it('counts posts new since the last look and not shared; updates on sync, share and markSeen', async () => {
    const invite = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await server.adminToken(),
    });
    const code = ((await invite.json()) as { code: string }).code;
    const { port, calls } = fakePort();
    const controller = new BackgroundController(freshDb(), port);
    expect(await ask(controller, 'enroll', { serverUrl: server.url, code, name: 'Badge' })).toEqual({ ok: true });
    // What was there at enrolment is not "new".
    expect(await newUnsharedCount(controller.db)).toBe(0);

    const first = await publish(server, 'First news');
    const second = await publish(server, 'Second news');
    const third = await publish(server, 'Third news');
    await controller.sync();
    await until(() => calls.badge.at(-1) === '3');

    // A click share (Facebook is logged as the intent opens): that post is no longer counted.
    const shared = await ask(controller, 'share', { contentId: first.id, network: 'facebook' });
    expect(shared.ok).toBe(true);
    expect(calls.badge.at(-1)).toBe('2');

    // A share published in a site's composer counts the same.
    const composed = await ask(controller, 'composerShare', {
      shareId: crypto.randomUUID(),
      contentId: second.id,
      network: 'linkedin',
      personalized: false,
    });
    expect(composed.ok).toBe(true);
    expect(calls.badge.at(-1)).toBe('1');
    expect(await newUnsharedCount(controller.db)).toBe(1);
    expect((await controller.state()).unseen).toContain(third.id);

    // Opening the popup's list: nothing is new any more.
    await ask(controller, 'markSeen');
    expect(calls.badge.at(-1)).toBe('');
    await controller.signOut();
  });
});
