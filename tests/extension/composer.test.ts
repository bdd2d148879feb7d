/**
 * The background's answers to the composer content scripts (composerBrief, composerData,
 * composerShare, loadComposerUi), on the real server and fake-indexeddb: what a composer offers, validation of
 * every message, a share logged once per publish with source 'composer' and delivered to the
 * server, and the UI script injected only into its own site's pages.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composerBrief, composerData, startOfUtcDay } from '../../entrypoints/background/composer';
import { briefOf } from '../../components/composer/brief';
import { COMPOSER_UI_FILES, loadComposerUi } from '../../entrypoints/background/composer-ui';
import { BackgroundController, type BrowserPort } from '../../entrypoints/background/controller';
import { composerRequest } from '../../entrypoints/background/messages/composer-data';
import { recordShare } from '../../entrypoints/background/outbox';
import { startTestServer, type TestServer } from '../helpers/server';
import { ask, EXTENSION_VERSION, freshDb, publish, TEST_EXTENSION } from './helpers';
import { setCatalog } from '../../components/shared/i18n';
import en from '../../public/_locales/en/messages.json';

function fakePort() {
  const tabs: string[] = [];
  const port: BrowserPort = {
    setBadge: async () => {},
    notify: async () => {},
    openTab: async (url) => void tabs.push(url),
    scheduleAlarm: async () => {},
    broadcastChanged: () => {},
    configuredServerUrl: async () => null,
    clientVersion: EXTENSION_VERSION,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  };
  return { port, tabs };
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('composer messages', () => {
  let server: TestServer;
  let code: string;
  let both: { id: string };
  let linkedinOnly: { id: string };
  let everywhere: { id: string };
  let controller: BackgroundController;
  let tabs: string[];

  async function serverShares(contentId: string) {
    return server.deps.db.selectFrom('shares').selectAll().where('content_id', '=', contentId).execute();
  }

  beforeAll(async () => {
    server = await startTestServer();
    const guidelines = await server.call('/v1/admin/guidelines', {
      method: 'PUT',
      token: await server.adminToken(),
      json: {
        disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
        bannedTerms: [],
        dailyShareCap: 3,
        companyNames: ['Northwind'],
      },
    });
    expect(guidelines.status).toBe(200);
    both = await publish(server, 'Both networks', { tags: ['launch', 'robots'] });
    linkedinOnly = await publish(server, 'LinkedIn only', { variants: { linkedin: ['Only here {link}'] } });
    everywhere = await publish(server, 'Everywhere', { networks: ['linkedin', 'x', 'facebook'] });
    const invite = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await server.adminToken(),
    });
    code = ((await invite.json()) as { code: string }).code;
    const fake = fakePort();
    tabs = fake.tabs;
    controller = new BackgroundController(freshDb(), fake.port);
  });
  afterAll(async () => {
    controller.live.stop();
    await server.stop();
  });

  it('offers nothing before enrolment, and nothing for a network it does not serve', async () => {
    const empty = { enrolled: false, items: [], sharesToday: 0, relayLinks: [] };
    const noBrief = { enrolled: false, items: 0, checksOwnPosts: false };
    expect(await ask(controller, 'composerData', { network: 'x' })).toMatchObject(empty);
    expect(await ask(controller, 'composerBrief', { network: 'x' })).toEqual(noBrief);
    expect(await ask(controller, 'enroll', { serverUrl: server.url, code, name: 'Composer' })).toEqual({ ok: true });
    for (const bad of [{ network: 'facebook' }, { network: 'tiktok' }, { network: 'x', text: 'my post' }, 'x', null]) {
      expect(await ask(controller, 'composerData', bad)).toMatchObject(empty);
      expect(await ask(controller, 'composerBrief', bad)).toEqual(noBrief);
    }
  });

  it("offers the live posts for the network with this advocate's text and link, the guidelines and the Relay links", async () => {
    const x = await ask(controller, 'composerData', { network: 'x' });
    expect(x.enrolled).toBe(true);
    expect(x.items.map((item) => item.title).sort()).toEqual(['Both networks', 'Everywhere']);
    const item = x.items.find((i) => i.id === both.id)!;
    expect(item.tags).toEqual(['launch', 'robots']);
    expect(item.link).toMatch(/^http:\/\/relay\.test\/r\/\w+$/);
    // The guidelines' disclosure is added to the approved words (lib/guidelines/approved-text.ts).
    expect(item.text).toBe(`Both networks on X #employee ${item.link}`);
    // The same words the popup offers.
    const popupItem = (await controller.state()).content.find((c) => c.id === both.id)!;
    expect(item.text).toBe(popupItem.suggestions.x);
    expect(x.guidelines).toMatchObject({
      disclosure: { text: '#employee' },
      dailyShareCap: 3,
      companyNames: ['Northwind'],
    });
    expect(x.sharesToday).toBe(0);
    // Every link of those posts (any network's) marks a composer as holding Relay content.
    const stored = (await controller.db.content.get(both.id))!;
    for (const link of Object.values(stored.links)) expect(x.relayLinks).toContainEqual({ contentId: both.id, link });
    expect(x.relayLinks.some((l) => l.contentId === linkedinOnly.id)).toBe(false);

    const linkedin = await ask(controller, 'composerData', { network: 'linkedin' });
    expect(linkedin.items.map((i) => i.title).sort()).toEqual(['Both networks', 'Everywhere', 'LinkedIn only']);
    const only = linkedin.items.find((i) => i.id === linkedinOnly.id)!;
    expect(only.text).toBe(`Only here ${only.link} #employee`);
    // Which variant the text is, for the panel's "LinkedIn · version 1 of 1".
    expect(only.variant).toEqual({ number: 1, of: 1 });
    expect(linkedin.items.find((i) => i.id === everywhere.id)!.variant).toEqual({ number: 1, of: 1 });
  });

  it('briefs a composer with the same counts as the whole answer, without texts or links', async () => {
    for (const network of ['x', 'linkedin'] as const) {
      const { labels, ...brief } = await ask(controller, 'composerBrief', { network });
      expect(brief).toEqual(briefOf(await ask(controller, 'composerData', { network })));
      expect(brief).toEqual({ enrolled: true, items: network === 'x' ? 2 : 3, checksOwnPosts: true });
      // The stand-in button's words come along, so the page never loads the extension's catalog for them.
      expect(labels).toEqual({
        suggested: 'Suggested posts',
        toggleTitle: 'Suggested posts from Relay (Alt+Shift+R)',
      });
    }
    // An expired post leaves the brief's count as it leaves the list.
    const stored = (await controller.db.content.get(linkedinOnly.id))!;
    await controller.db.content.put({ ...stored, expiresAt: new Date(Date.now() - 1_000).toISOString() });
    expect((await composerBrief(controller.db, { network: 'linkedin' })).items).toBe(2);
    await controller.db.content.put(stored);
    // Nothing to suggest on X: no button there, so no words for it.
    const onX = (await controller.db.content.toArray()).filter((item) => item.networks.includes('x'));
    const past = new Date(Date.now() - 1_000).toISOString();
    await controller.db.content.bulkPut(onX.map((item) => ({ ...item, expiresAt: past })));
    const none = await composerBrief(controller.db, { network: 'x' });
    expect(none.items).toBe(0);
    expect(none).not.toHaveProperty('labels');
    await controller.db.content.bulkPut(onX);
    // A catalog that gives no words (a worker's getMessage answering ''): none, never the keys.
    setCatalog({}, 'en');
    try {
      const brief = await composerBrief(controller.db, { network: 'x' });
      expect(brief.items).toBe(2);
      expect(brief).not.toHaveProperty('labels');
    } finally {
      setCatalog(en, 'en');
    }
  });

  it('leaves out a post that expired since the last sync', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const stored = (await controller.db.content.get(everywhere.id))!;
    await controller.db.content.put({ ...stored, expiresAt: past });
    const x = await composerData(controller.db, { network: 'x' });
    expect(x.items.map((i) => i.id)).not.toContain(everywhere.id);
    expect(x.relayLinks.map((l) => l.contentId)).not.toContain(everywhere.id);
    await controller.db.content.put(stored);
  });

  it('"Share on X" and "Share on LinkedIn" open the composer prefilled without logging; Facebook logs on click', async () => {
    for (const network of ['x', 'linkedin'] as const) {
      const result = await ask(controller, 'share', { contentId: both.id, network });
      expect(result).toMatchObject({ ok: true });
      expect(result.ok && result.shareId).toBeFalsy();
      expect(tabs.at(-1)).toBe(result.ok ? result.url : '');
    }
    expect(await controller.db.shares.count()).toBe(0);
    expect(await controller.db.outbox.count()).toBe(0);

    const facebook = await ask(controller, 'share', { contentId: everywhere.id, network: 'facebook' });
    expect(facebook).toMatchObject({ ok: true, shareId: expect.any(String) });
    expect(new URL(tabs.at(-1)!).hostname).toBe('www.facebook.com');
    expect(await controller.db.shares.get((facebook as { shareId: string }).shareId)).toMatchObject({
      network: 'facebook',
      source: 'popup',
    });
    await until(async () => (await serverShares(everywhere.id)).length === 1);
  });

  it('rejects share messages that are not valid, carry the text, or name a post it cannot share', async () => {
    const shareId = crypto.randomUUID();
    const valid = { shareId, contentId: both.id, network: 'x', personalized: true };
    const invalid: unknown[] = [
      { ...valid, shareId: 'not-a-uuid' },
      { ...valid, network: 'facebook' },
      { ...valid, personalized: 'yes' },
      { shareId, contentId: both.id, network: 'x' },
      { ...valid, text: 'the post text never leaves the page' },
      'garbage',
      undefined,
    ];
    for (const message of invalid) expect(await ask(controller, 'composerShare', message)).toMatchObject({ ok: false });
    expect(await ask(controller, 'composerShare', { ...valid, contentId: 'missing' })).toMatchObject({ ok: false });
    expect(await ask(controller, 'composerShare', { ...valid, contentId: linkedinOnly.id })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not meant for x/),
    });
    expect(await controller.db.shares.where('source').equals('composer').count()).toBe(0);
  });

  it('logs a published composer once, as a composer share, and delivers it with "personalized"', async () => {
    const shareId = crypto.randomUUID();
    const message = { shareId, contentId: both.id, network: 'x', personalized: true };
    expect(await ask(controller, 'composerShare', message)).toEqual({ ok: true, shareId });
    // The same publish reported twice (a retried message) is one share.
    expect(await ask(controller, 'composerShare', message)).toEqual({ ok: true, shareId });
    const logged = await controller.db.shares.where('source').equals('composer').toArray();
    expect(logged).toEqual([
      expect.objectContaining({
        id: shareId,
        contentId: both.id,
        network: 'x',
        personalized: true,
        source: 'composer',
      }),
    ]);
    await until(async () => (await serverShares(both.id)).length === 1);
    const [delivered] = await serverShares(both.id);
    expect(delivered).toMatchObject({ id: shareId, network: 'x' });
    expect(Boolean(delivered?.personalized)).toBe(true);
    await until(async () => (await controller.db.outbox.count()) === 0);

    // Today's count includes it (and the Facebook share), and reaches the daily-cap check.
    expect((await ask(controller, 'composerData', { network: 'linkedin' })).sharesToday).toBe(2);
  });

  it("counts today's shares from 00:00 UTC, the day the daily cap and scoring count", async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 10, 23, 9, 30);
    const yesterday = Date.UTC(2026, 10, 22, 23, 59);
    await recordShare(db, { contentId: both.id, network: 'x', source: 'composer' }, yesterday);
    await recordShare(db, { contentId: both.id, network: 'linkedin', source: 'popup' }, Date.UTC(2026, 10, 23, 0, 0));
    await recordShare(db, { contentId: both.id, network: 'x', source: 'composer' }, now);
    expect(startOfUtcDay(now)).toBe('2026-11-23T00:00:00.000Z');
    const enrollment = await controller.db.meta.get('enrollment');
    await db.meta.put(enrollment!);
    expect((await composerData(db, { network: 'x' }, now)).sharesToday).toBe(2);
  });
});

describe('loading the composer UI script', () => {
  it("injects the site's own UI script into the asking frame of that site's page, and nothing else", async () => {
    const injected: string[] = [];
    const inject = async (tabId: number, frameId: number, file: string) =>
      void injected.push(`${tabId}/${frameId}:${file}`);
    expect(await loadComposerUi({ network: 'x' }, { tabId: 7, frameId: 0, url: 'https://x.com/home' }, inject)).toEqual(
      { ok: true },
    );
    expect(
      await loadComposerUi({ network: 'x' }, { tabId: 7, frameId: 3, url: 'https://twitter.com/compose/post' }, inject),
    ).toEqual({ ok: true });
    expect(
      await loadComposerUi(
        { network: 'linkedin' },
        { tabId: 8, url: 'https://www.linkedin.com/feed/?shareActive=true' },
        inject,
      ),
    ).toEqual({ ok: true });
    expect(injected).toEqual([
      `7/0:${COMPOSER_UI_FILES.x}`,
      `7/3:${COMPOSER_UI_FILES.x}`,
      `8/0:${COMPOSER_UI_FILES.linkedin}`,
    ]);

    const refused: [unknown, { tabId?: number; frameId?: number; url?: string }][] = [
      [{ network: 'x' }, { tabId: 7, url: 'https://www.linkedin.com/feed/' }],
      [{ network: 'linkedin' }, { tabId: 7, url: 'https://evil.example/linkedin.com' }],
      [{ network: 'x' }, { tabId: 7, url: 'http://x.com/home' }],
      [{ network: 'x' }, { url: 'https://x.com/home' }],
      [{ network: 'facebook' }, { tabId: 7, url: 'https://www.facebook.com/' }],
      [
        { network: 'x', file: '/background.js' },
        { tabId: 7, url: 'https://x.com/home' },
      ],
      ['x', { tabId: 7, url: 'https://x.com/home' }],
    ];
    // A request that is not valid is refused by the dispatcher; a valid one from the wrong page by the site check.
    const bg = new BackgroundController(freshDb(), fakePort().port);
    for (const [message, origin] of refused) {
      const request = composerRequest.safeParse(message);
      const sender = { id: TEST_EXTENSION.id, url: origin.url, tab: { id: origin.tabId }, frameId: origin.frameId };
      expect(
        request.success
          ? await loadComposerUi(request.data, origin, inject)
          : await ask(bg, 'loadComposerUi', message, { sender, inject }),
      ).toMatchObject({ ok: false });
    }
    expect(injected).toHaveLength(3);

    const failing = async () => {
      throw new Error('Cannot access contents of the page.');
    };
    expect(await loadComposerUi({ network: 'x' }, { tabId: 7, url: 'https://x.com/home' }, failing)).toEqual({
      ok: false,
      message: 'Cannot access contents of the page.',
    });
  });
});
