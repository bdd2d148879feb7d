/**
 * Integration health from the content script's message to the server's view: counts add up per
 * site, version and day in IndexedDB, wait while the server is down, go once it is back, and a
 * report sent again (a retry after a lost answer) never counts twice. A page counts for its own
 * site only. Selector overrides come down with sync and reach the composer brief; a change is
 * announced to open composer pages.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundController } from '../../entrypoints/background/controller';
import { setMeta } from '../../entrypoints/background/db';
import { flushHealth } from '../../entrypoints/background/health';
import type { AdminHealthResponse } from '../../lib/schemas';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, clientFor, DOWN_URL, EXTENSION_VERSION, fakePort, freshDb } from './helpers';

const LINKEDIN_PAGE = { id: 'relay-test-extension', url: 'https://www.linkedin.com/feed/', tab: { id: 2 }, frameId: 0 };

describe('integration health counts', () => {
  let server: TestServer;
  let advocate: { token: string; id: string };
  const controllers: BackgroundController[] = [];

  const background = (serverUrl: string) => {
    const { port, calls } = fakePort();
    let announced = 0;
    const bg = new BackgroundController(freshDb(), { ...port, selectorsChanged: () => void announced++ });
    controllers.push(bg);
    const enrol = () =>
      setMeta(bg.db, 'enrollment', {
        serverUrl,
        token: advocate.token,
        advocate: { id: advocate.id, name: 'Counter' },
        enrolledAt: new Date().toISOString(),
      });
    return { bg, calls, enrol, announced: () => announced };
  };
  const adminView = async (): Promise<AdminHealthResponse> =>
    (await (
      await server.call('/v1/admin/integration-health', { token: await server.adminToken() })
    ).json()) as AdminHealthResponse;

  beforeAll(async () => {
    server = await startTestServer();
    advocate = await server.enroll('Counter');
  });
  afterEach(() => {
    for (const bg of controllers.splice(0)) bg.live.stop();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('adds counts offline, sends them once when the server is back, and a resend never counts twice', async () => {
    const { bg, enrol } = background(DOWN_URL);
    await enrol();
    const report = (counts: Record<string, number>) =>
      ask(bg, 'composerHealth', { network: 'linkedin', counts }, { sender: LINKEDIN_PAGE });
    expect(await report({ composersSeen: 2, insertionsFailed: 1 })).toEqual({ ok: true });
    expect(await report({ composersSeen: 1, composersUnmatched: 3, overridesRefused: 1 })).toEqual({ ok: true });
    await bg.flush();
    // The server was down: the row waits, changed and unsent.
    const [row] = await bg.db.health.toArray();
    expect(row).toMatchObject({ site: 'linkedin', version: EXTENSION_VERSION, revision: 2, sentRevision: 0 });
    expect(row!.counts).toMatchObject({
      composersSeen: 3,
      insertionsFailed: 1,
      composersUnmatched: 3,
      overridesRefused: 1,
    });

    // Back online: the totals go once.
    const client = clientFor(server, advocate.token);
    expect(await flushHealth(bg.db, client)).toBe(1);
    expect(await flushHealth(bg.db, client)).toBe(0);
    // The answer was lost: the same totals are sent again, and the server still counts them once.
    await bg.db.health.update(row!.id, { sentRevision: 0 });
    expect(await flushHealth(bg.db, client)).toBe(1);
    const { rows } = await adminView();
    expect(rows).toEqual([
      expect.objectContaining({
        site: 'linkedin',
        version: EXTENSION_VERSION,
        browsers: 1,
        counts: expect.objectContaining({ composersSeen: 3, insertionsFailed: 1, composersUnmatched: 3 }),
      }),
    ]);
    // More counts later the same day: the server keeps the new totals, not a sum of reports.
    await report({ insertionsConfirmed: 4 });
    expect(await flushHealth(bg.db, client)).toBe(1);
    const after = (await adminView()).rows[0]!;
    expect(after.counts.insertionsConfirmed).toBe(4);
    expect(after.counts.composersSeen).toBe(3);
  });

  it("refuses a page's counts for another site, and anything but counts", async () => {
    const { bg } = background(DOWN_URL);
    expect(
      await ask(bg, 'composerHealth', { network: 'x', counts: { composersSeen: 1 } }, { sender: LINKEDIN_PAGE }),
    ).toEqual({
      ok: false,
    });
    await expect(
      ask(bg, 'composerHealth', { network: 'linkedin', counts: { text: 'hello' } }, { sender: LINKEDIN_PAGE }),
    ).rejects.toThrow();
    await expect(
      ask(bg, 'composerHealth', { network: 'linkedin', counts: { composersSeen: -1 } }, { sender: LINKEDIN_PAGE }),
    ).rejects.toThrow();
    expect(await bg.db.health.count()).toBe(0);
  });

  it('keeps and sends nothing when the person declined the counts (Firefox: the optional technicalAndInteraction data)', async () => {
    const { port } = fakePort();
    let allowed = false;
    const bg = new BackgroundController(freshDb(), { ...port, mayCountHealth: async () => allowed });
    const report = () =>
      ask(bg, 'composerHealth', { network: 'linkedin', counts: { composersSeen: 1 } }, { sender: LINKEDIN_PAGE });
    expect(await report()).toEqual({ ok: false });
    expect(await bg.db.health.count()).toBe(0);
    allowed = true;
    expect(await report()).toEqual({ ok: true });
    expect(await bg.db.health.count()).toBe(1);
  });

  it('brings selector overrides to the composer brief, and announces a change to open pages', async () => {
    const { bg, enrol, announced } = background(server.url);
    await enrol();
    await bg.sync();
    expect(await ask(bg, 'composerBrief', { network: 'linkedin' }, { sender: LINKEDIN_PAGE })).not.toHaveProperty(
      'selectorOverrides',
    );
    expect(announced()).toBe(0);
    const admin = await server.adminToken();
    const overrides = { linkedin: { editor: '.relay-renamed-editor[contenteditable="true"]' } };
    expect((await server.call('/v1/admin/selectors', { method: 'PUT', token: admin, json: overrides })).status).toBe(
      200,
    );
    await bg.sync();
    expect(announced()).toBe(1);
    const brief = await ask(bg, 'composerBrief', { network: 'linkedin' }, { sender: LINKEDIN_PAGE });
    expect(brief.selectorOverrides).toEqual(overrides.linkedin);
    expect((await ask(bg, 'composerBrief', { network: 'x' })).selectorOverrides).toBeUndefined();
    // A sync that changes nothing about them announces nothing.
    await bg.sync();
    expect(announced()).toBe(1);
    await server.call('/v1/admin/selectors', { method: 'PUT', token: admin, json: {} });
  });
});
