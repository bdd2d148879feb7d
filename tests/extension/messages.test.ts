/**
 * The background's one dispatcher, built from the message list: every message from every context
 * (allowed ones reach the handler, others are refused), every message's invalid requests (never
 * reach it), who counts as the popup or a content script, and, with the real handlers, that a
 * content script cannot enrol, sign out, change privacy, dismiss refused shares or mark posts seen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundController } from '../../entrypoints/background/controller';
import { getMeta, setMeta } from '../../entrypoints/background/db';
import { MESSAGE_NAMES, MESSAGES, type MessageName } from '../../entrypoints/background/messages';
import type { MessageDefinition, MessageSender, SenderContext } from '../../entrypoints/background/messages/define';
import { createDispatcher, RefusedMessage } from '../../entrypoints/background/messages/dispatch';
import { matchesPattern, senderContext } from '../../entrypoints/background/messages/sender';
import { recordShare } from '../../entrypoints/background/outbox';
import { ask, DOWN_URL, fakePort, freshDb, SENDERS, TEST_EXTENSION } from './helpers';

/** A valid request of each message (a new message without one does not compile). */
const VALID: Record<MessageName, unknown> = {
  getState: { limit: 8 },
  enroll: { serverUrl: DOWN_URL, code: 'ABCD-EFGH', name: 'Ada' },
  signInWorkAccount: { serverUrl: DOWN_URL },
  signInOptions: { serverUrl: DOWN_URL },
  signOut: undefined,
  syncNow: undefined,
  dismissRefusedShare: { id: 'share-1' },
  share: { contentId: 'post-1', network: 'x' },
  markSeen: undefined,
  getPoints: { refresh: true },
  getLeaderboard: { period: 'week' },
  updatePrivacy: { leaderboard: false },
  contentLanguage: { language: 'de' },
  composerBrief: { network: 'linkedin' },
  composerData: { network: 'x' },
  composerShare: { shareId: crypto.randomUUID(), contentId: 'post-1', network: 'x', personalized: false },
  composerHealth: { network: 'x', counts: { composersSeen: 1 } },
  loadComposerUi: { network: 'x' },
};

/** Requests no message accepts. */
const INVALID: unknown[] = ['garbage', { unexpected: true }, 42, [1]];

/** Senders that are neither the popup nor a content script on a composer's site. */
const STRANGERS: Record<string, MessageSender> = {
  'another extension': { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' },
  'a tab on another site': { id: TEST_EXTENSION.id, url: 'https://evil.example/x.com', tab: { id: 3 }, frameId: 0 },
  'a composer site over http': { id: TEST_EXTENSION.id, url: 'http://x.com/home', tab: { id: 3 }, frameId: 0 },
  'a composer site outside a tab': { id: TEST_EXTENSION.id, url: 'https://x.com/home' },
  'no URL': { id: TEST_EXTENSION.id },
};

const controllers: BackgroundController[] = [];
function background(): BackgroundController {
  const bg = new BackgroundController(freshDb(), fakePort().port);
  controllers.push(bg);
  return bg;
}
afterEach(() => {
  for (const bg of controllers.splice(0)) bg.live.stop();
});

/** The dispatcher over the real list, each handler replaced by one that records it ran. */
function recordingDispatcher() {
  const handled: string[] = [];
  const messages: Record<string, MessageDefinition> = Object.fromEntries(
    MESSAGE_NAMES.map((name) => [
      name,
      {
        ...(MESSAGES[name] as MessageDefinition),
        handle: () => {
          handled.push(name);
          return 'handled';
        },
      },
    ]),
  );
  const dispatch = createDispatcher({
    bg: background(),
    self: TEST_EXTENSION,
    inject: async () => undefined,
    messages,
  });
  return { dispatch, handled };
}

describe('the dispatcher', () => {
  const contexts = Object.keys(SENDERS) as SenderContext[];

  for (const name of MESSAGE_NAMES) {
    for (const context of contexts) {
      const allowed = MESSAGES[name].from.includes(context);
      it(`${name} from ${context}: ${allowed ? 'answered' : 'refused'}`, async () => {
        const { dispatch, handled } = recordingDispatcher();
        const answer = dispatch(name, VALID[name], SENDERS[context]);
        if (allowed) {
          await expect(answer).resolves.toBe('handled');
          expect(handled).toEqual([name]);
        } else {
          await expect(answer).rejects.toThrow(RefusedMessage);
          await expect(answer).rejects.toThrow(/can't be sent from/);
          expect(handled).toEqual([]);
        }
      });
    }

    it(`${name} from a stranger: refused`, async () => {
      const { dispatch, handled } = recordingDispatcher();
      for (const sender of Object.values(STRANGERS))
        await expect(dispatch(name, VALID[name], sender)).rejects.toThrow(RefusedMessage);
      expect(handled).toEqual([]);
    });

    it(`${name} that is not valid: never reaches its handler`, async () => {
      const { dispatch, handled } = recordingDispatcher();
      const definition = MESSAGES[name] as MessageDefinition;
      for (const request of INVALID) {
        const answer = dispatch(name, request, SENDERS[definition.from[0]!]);
        if (definition.invalid) {
          await expect(answer).resolves.toEqual(definition.invalid(definition.request.safeParse(request).error!));
        } else {
          await expect(answer).rejects.toThrow(new RegExp(`That "${name}" request is not valid`));
        }
      }
      expect(handled).toEqual([]);
    });
  }

  it('refuses a message it does not know, whoever sends it', async () => {
    const { dispatch } = recordingDispatcher();
    for (const name of ['deleteEverything', 'toString', '__proto__'])
      await expect(dispatch(name, undefined, SENDERS.popup)).rejects.toThrow(/has no/);
  });
});

describe('who sent a message', () => {
  it('is the popup for any page of this extension, also opened in a tab', () => {
    expect(senderContext(SENDERS.popup, TEST_EXTENSION)).toBe('popup');
    const inTab = { id: TEST_EXTENSION.id, url: `${TEST_EXTENSION.baseUrl}popup.html?post=1`, tab: { id: 9 } };
    expect(senderContext(inTab, TEST_EXTENSION)).toBe('popup');
  });

  it("is a content script for a tab's frame on a composer's site", () => {
    for (const url of ['https://x.com/home', 'https://twitter.com/compose/post', 'https://www.linkedin.com/feed/'])
      expect(senderContext({ id: TEST_EXTENSION.id, url, tab: { id: 1 }, frameId: 2 }, TEST_EXTENSION)).toBe(
        'content-script',
      );
  });

  it('is no one Relay answers otherwise', () => {
    for (const sender of Object.values(STRANGERS)) expect(senderContext(sender, TEST_EXTENSION)).toBeNull();
    const linkedinLookalike = { id: TEST_EXTENSION.id, url: 'https://linkedin.com.evil.example/', tab: { id: 1 } };
    expect(senderContext(linkedinLookalike, TEST_EXTENSION)).toBeNull();
  });

  it('reads match patterns as the browser does', () => {
    expect(matchesPattern('https://x.com/*', 'https://x.com/')).toBe(true);
    expect(matchesPattern('https://x.com/*', 'https://x.com.example/')).toBe(false);
    expect(matchesPattern('https://x.com/*', 'https://sub.x.com/')).toBe(false);
    expect(matchesPattern('https://*.x.com/*', 'https://sub.x.com/a')).toBe(true);
    expect(matchesPattern('https://*.x.com/*', 'https://x.com/a')).toBe(true);
    expect(matchesPattern('https://*.x.com/*', 'https://evilx.com/a')).toBe(false);
    expect(matchesPattern('*://x.com/home*', 'http://x.com/home?tab=1')).toBe(true);
    expect(matchesPattern('*://x.com/home*', 'ftp://x.com/home')).toBe(false);
    expect(matchesPattern('https://x.com/*', 'not a url')).toBe(false);
  });
});

describe('what a content script cannot do (the real handlers)', () => {
  async function enrolledBackground() {
    const bg = background();
    const enrollment = {
      serverUrl: DOWN_URL,
      token: 'rlv_kept',
      advocate: { id: 'advocate-1', name: 'Ada' },
      enrolledAt: new Date().toISOString(),
    };
    await setMeta(bg.db, 'enrollment', enrollment);
    await setMeta(bg.db, 'unseen', ['post-1']);
    const refused = await recordShare(bg.db, { contentId: 'post-1', network: 'x', source: 'composer' });
    await bg.db.outbox.update(refused.id, { rejected: 'contentId is not known content' });
    return { bg, enrollment, refusedId: refused.id };
  }

  it('marks a language or privacy change that could not reach the server offline, for the popup to word it', async () => {
    const { bg } = await enrolledBackground();
    const language = await ask(bg, 'contentLanguage', { language: 'de' });
    expect(language).toEqual({
      ok: false,
      offline: true,
      message: expect.stringMatching(/^Your language was not saved/),
    });
    expect(await ask(bg, 'updatePrivacy', { leaderboard: false })).toMatchObject({ ok: false, offline: true });
  });

  it('cannot enrol, sign out, change privacy, dismiss a refused share or mark posts seen', async () => {
    const { bg, enrollment, refusedId } = await enrolledBackground();
    const fromPage = { sender: SENDERS['content-script'] };
    const attempts: [MessageName, unknown][] = [
      ['enroll', VALID.enroll],
      ['signOut', undefined],
      ['updatePrivacy', { clickTracking: false }],
      ['dismissRefusedShare', { id: refusedId }],
      ['markSeen', undefined],
    ];
    for (const [name, request] of attempts)
      await expect(ask(bg, name, request, fromPage)).rejects.toThrow(RefusedMessage);
    expect(await getMeta(bg.db, 'enrollment')).toEqual(enrollment);
    expect(await getMeta(bg.db, 'pendingSignOuts')).toBeUndefined();
    expect(await getMeta(bg.db, 'unseen')).toEqual(['post-1']);
    expect(await bg.db.outbox.get(refusedId)).toMatchObject({ rejected: expect.any(String) });
  });

  it("and the popup cannot log a composer's share or load a composer's UI", async () => {
    const { bg } = await enrolledBackground();
    const injected: string[] = [];
    const options = {
      sender: SENDERS.popup,
      inject: async (_tab: number, _frame: number, file: string) => void injected.push(file),
    };
    const before = await bg.db.shares.count();
    await expect(ask(bg, 'composerShare', VALID.composerShare, options)).rejects.toThrow(RefusedMessage);
    await expect(ask(bg, 'loadComposerUi', VALID.loadComposerUi, options)).rejects.toThrow(RefusedMessage);
    expect(await bg.db.shares.count()).toBe(before);
    expect(injected).toEqual([]);
  });
});
