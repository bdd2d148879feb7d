/**
 * The background's behaviour: enrolment, sync (single-flight, on start, alarm, stream and demand),
 * the outbox, the badge and notifications, sign-out, and the state the popup shows. Browser APIs
 * come in through `BrowserPort`, so unit tests can drive it with fakes.
 *
 * When the server says the token no longer works (401 revoked, expired or unknown, from any call),
 * access ends: the live connection stops, calls already under way finish, then the advocate's data
 * is cleared (access.ts) and the popup's setup screen says why.
 */
import { shareIntentUrl } from '../../lib/intents';
import { pointsRequestSchema, shareMessageSchema } from '../../lib/messages';
import { isComposerNetwork } from '../../lib/networks';
import { getMeta, setMeta, type RelayDexie } from './db';
import type {
  ComposerBrief,
  ComposerData,
  ComposerShareResult,
  EnrollResult,
  LeaderboardView,
  PointsView,
  PopupState,
  PrivacyResult,
  ShareResult,
} from '../../components/shared/messaging';
import { accessEndedNotice, clearAdvocateData, retryPendingSignOuts } from './access';
import { ApiClient, type ApiError, type Fetch } from './api-client';
import { composerBrief, composerData, composerShare } from './composer';
import { enroll } from './enroll';
import { LiveConnection } from './live';
import { dismissRefusedShare, flushOutbox, pendingShareCount, recordShare } from './outbox';
import { popupState } from './popup-state';
import { leaderboard, pointsView, refreshMe, updatePrivacy } from './points';
import { suggestion } from './suggestion';
import { syncOnce } from './sync';

export { suggestion };

export interface BrowserPort {
  setBadge(text: string): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
  openTab(url: string): Promise<void>;
  /** Sets a one-shot alarm at `when` (epoch ms) under `name`. */
  scheduleAlarm(name: string, when: number): Promise<void>;
  /** Tells open popups that the state changed. */
  broadcastChanged(): void;
  configuredServerUrl(): Promise<string | null>;
  fetch?: Fetch;
  WebSocketImpl?: typeof WebSocket;
  /** The live connection's reconnect jitter (tests make it predictable). */
  random?: () => number;
}

export const OUTBOX_ALARM = 'relay-outbox';
export const SYNC_ALARM = 'relay-sync';
export const NOTIFICATION_PREFIX = 'relay-post:';

export class BackgroundController {
  private syncing: Promise<void> | undefined;
  private syncAgain = false;
  private outboxTimer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  /** Calls to the server under way: access ends only once they are done writing. */
  private readonly inflight = new Set<Promise<unknown>>();
  /** Set while access is ending (the data is being cleared): no new calls start. */
  private ending: Promise<void> | undefined;
  readonly live: LiveConnection;

  constructor(
    readonly db: RelayDexie,
    private readonly port: BrowserPort,
  ) {
    this.live = new LiveConnection({
      target: async () => {
        const enrollment = this.ending ? undefined : await getMeta(this.db, 'enrollment');
        return enrollment ? { serverUrl: enrollment.serverUrl, token: enrollment.token } : null;
      },
      onSync: () => void this.sync(),
      // The server closed the stream because the token was revoked: the next call learns why.
      onRevoked: () => void this.sync(),
      onConnectedChange: (connected) => {
        // Reconnected: we may have missed messages while away, and the server is back for the outbox.
        if (connected) {
          void this.sync();
          void this.flush(true);
        }
      },
      WebSocketImpl: port.WebSocketImpl,
      random: port.random,
    });
  }

  /** A client for the enrolled server and token; null when not enrolled or while access is ending. */
  private async client(): Promise<ApiClient | null> {
    const enrollment = this.ending ? undefined : await getMeta(this.db, 'enrollment');
    if (!enrollment) return null;
    return new ApiClient(enrollment.serverUrl, enrollment.token, {
      fetch: this.port.fetch,
      onAccessEnded: (error) => void this.endAccess(error, enrollment),
    });
  }

  /** Keeps `work` in the set of calls under way until it settles. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inflight.add(work);
    void work.then(
      () => this.inflight.delete(work),
      () => this.inflight.delete(work),
    );
    return work;
  }

  /**
   * The server no longer takes this enrolment's token: stop the live connection, let the calls
   * under way finish, then clear the advocate's data, keeping only why (for the setup screen).
   * Resolves once done; concurrent calls share it.
   */
  endAccess(error: ApiError, enrollment: { serverUrl: string; token: string }): Promise<void> {
    this.ending ??= (async () => {
      // A call of an earlier enrolment heard its 401 late: the current one is not concerned.
      if ((await getMeta(this.db, 'enrollment'))?.token !== enrollment.token) return;
      this.live.stop();
      while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
      const notice = accessEndedNotice(error.accessEnd ?? 'unauthorized', enrollment.serverUrl);
      if (!(await clearAdvocateData(this.db, enrollment.token, { notice }))) return;
      if (this.outboxTimer) clearTimeout(this.outboxTimer);
      this.outboxTimer = undefined;
      await this.updateBadge();
      this.port.broadcastChanged();
    })()
      .catch((failure: unknown) => console.error('Relay: clearing the data of an ended access failed', failure))
      .finally(() => {
        this.ending = undefined;
      });
    return this.ending;
  }

  /** Resolves once access that is ending has ended (tests, and callers that want the outcome). */
  async settled(): Promise<void> {
    while (this.inflight.size > 0 || this.ending) {
      await Promise.allSettled([...this.inflight]);
      await this.ending;
    }
  }

  /** Worker start, install, browser start, alarm: confirm sign-outs, then sync, connect, deliver. */
  async wake(): Promise<void> {
    await this.track(retryPendingSignOuts(this.db, this.port.fetch)).catch(() => undefined);
    if (this.ending || !(await getMeta(this.db, 'enrollment'))) return;
    void this.live.start();
    await Promise.all([this.sync(), this.flush()]);
  }

  /** Runs a sync; concurrent calls share it, and a call during a sync runs one more after it. */
  sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = this.track(
      (async () => {
        try {
          do {
            this.syncAgain = false;
            await this.syncOnceAndAnnounce();
          } while (this.syncAgain);
        } finally {
          this.syncing = undefined;
        }
      })(),
    );
    return this.syncing;
  }

  private async syncOnceAndAnnounce(): Promise<void> {
    const client = await this.client();
    if (!client) return;
    const outcome = await syncOnce(this.db, client);
    if (outcome.accessEnded) return;
    if (outcome.added.length) {
      const items = await this.db.content.bulkGet(outcome.added.slice(0, 3));
      for (const item of items) {
        if (item)
          await this.port
            .notify(
              NOTIFICATION_PREFIX + item.id,
              `New to share: ${item.title}`,
              item.note ?? 'Open Relay to share it in your own words.',
            )
            .catch(() => undefined);
      }
    }
    await this.updateBadge();
    this.port.broadcastChanged();
  }

  /** Delivers the outbox entries that are due; `everything` (Sync now) also those still backing off. */
  async flush(everything = false): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.track(
      (async () => {
        try {
          const client = await this.client();
          if (!client) return;
          const now = Date.now();
          const result = await flushOutbox(this.db, client, now, Math.random, everything ? Infinity : now);
          if (result.accessEnded) return;
          if (this.outboxTimer) clearTimeout(this.outboxTimer);
          this.outboxTimer = undefined;
          if (result.nextAttemptAt !== undefined) {
            const wait = Math.max(0, result.nextAttemptAt - Date.now());
            // A timer while the worker lives, and an alarm in case it is stopped first.
            this.outboxTimer = setTimeout(() => void this.flush(), wait);
            await this.port.scheduleAlarm(OUTBOX_ALARM, Math.max(result.nextAttemptAt, Date.now() + 30_000));
          }
          // Refused shares are listed in the popup at once.
          if (result.refused && !result.delivered) this.port.broadcastChanged();
          if (result.delivered) {
            this.port.broadcastChanged();
            // The server now ranks those shares too.
            void this.track(refreshMe(this.db, client)).then((changed) => {
              if (changed) this.port.broadcastChanged();
            });
          }
        } finally {
          this.flushing = undefined;
        }
      })(),
    );
    return this.flushing;
  }

  async updateBadge(): Promise<void> {
    const unseen = (await getMeta(this.db, 'unseen')) ?? [];
    await this.port.setBadge(unseen.length ? String(unseen.length) : '');
  }

  async markSeen(): Promise<void> {
    await setMeta(this.db, 'unseen', []);
    await this.updateBadge();
  }

  async enroll(raw: unknown): Promise<EnrollResult> {
    await this.ending;
    const result = await enroll(this.db, raw, {
      lockedServerUrl: await this.port.configuredServerUrl(),
      fetch: this.port.fetch,
    });
    if (result.ok) await this.wake();
    return result;
  }

  /**
   * Signs out: shares still waiting are sent first (one attempt), the server is told to revoke the
   * token, and everything of the advocate is cleared from this browser. When the server can't be
   * reached, only the token is kept, to sign out at the next wake.
   */
  async signOut(): Promise<void> {
    const enrollment = await getMeta(this.db, 'enrollment');
    if (!enrollment) return;
    if ((await pendingShareCount(this.db)) > 0) await this.flush(true).catch(() => undefined);
    this.live.stop();
    await this.settled();
    const pending = { serverUrl: enrollment.serverUrl, token: enrollment.token, at: new Date().toISOString() };
    // Recorded before asking the server: a worker stopped half-way still signs out at its next wake.
    if (await clearAdvocateData(this.db, enrollment.token, { signOut: pending })) {
      if (this.outboxTimer) clearTimeout(this.outboxTimer);
      this.outboxTimer = undefined;
      await this.updateBadge();
      this.port.broadcastChanged();
    }
    await this.track(retryPendingSignOuts(this.db, this.port.fetch)).catch(() => undefined);
  }

  /** The popup's "Dismiss" on a share the server refused. */
  async dismissRefusedShare(raw: unknown): Promise<{ ok: boolean }> {
    const result = await dismissRefusedShare(this.db, raw);
    if (result.ok) this.port.broadcastChanged();
    return result;
  }

  async share(raw: unknown): Promise<ShareResult> {
    const parsed = shareMessageSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, message: 'That share request is not valid.' };
    const [item, enrollment] = await Promise.all([
      this.db.content.get(parsed.data.contentId),
      getMeta(this.db, 'enrollment'),
    ]);
    if (!item || !enrollment) return { ok: false, message: 'This post is no longer available. Refresh and try again.' };
    const network = parsed.data.network;
    if (!item.networks.includes(network)) return { ok: false, message: `This post is not meant for ${network}.` };
    const { text, link } = suggestion(item, network, enrollment.advocate.id);
    const url = shareIntentUrl(network, text, link);
    if (isComposerNetwork(network)) {
      // A network with a composer content script (LinkedIn, X) logs the share when the post is
      // published there, not when the intent opens; the others are logged here, as it opens.
      await this.port.openTab(url);
      return { ok: true, url };
    }
    const local = await recordShare(this.db, { contentId: item.id, network, source: 'popup' });
    await this.port.openTab(url);
    void this.flush();
    this.port.broadcastChanged();
    return { ok: true, url, shareId: local.id };
  }

  /** The Points tab; `refresh` first asks the server for ranks, clicks and settings. */
  async points(raw: unknown): Promise<PointsView> {
    const request = pointsRequestSchema.safeParse(raw);
    const client = await this.client();
    // Clicks from the server count in the Posts tab's summary too: it hears of a change.
    if (client && request.success && request.data?.refresh && (await this.track(refreshMe(this.db, client))))
      this.port.broadcastChanged();
    return pointsView(this.db);
  }

  async leaderboard(raw: unknown): Promise<LeaderboardView> {
    return this.track(leaderboard(this.db, await this.client(), raw));
  }

  /** Privacy choices: saved on the server; a click-tracking change brings new links with a sync. */
  async updatePrivacy(raw: unknown): Promise<PrivacyResult> {
    const result = await this.track(updatePrivacy(this.db, await this.client(), raw));
    if (result.ok) {
      this.port.broadcastChanged();
      if ((raw as { clickTracking?: unknown }).clickTracking !== undefined) void this.sync();
    }
    return result;
  }

  /** Whether a LinkedIn or X composer has anything to offer, and how many posts. */
  composerBrief(raw: unknown): Promise<ComposerBrief> {
    return composerBrief(this.db, raw);
  }

  /** What a LinkedIn or X composer offers: posts, guidelines, today's share count, Relay links. */
  composerData(raw: unknown): Promise<ComposerData> {
    return composerData(this.db, raw);
  }

  /** A composer holding Relay content was published: log it once and send it to the server. */
  async composerShare(raw: unknown): Promise<ComposerShareResult> {
    const result = await composerShare(this.db, raw);
    if (result.ok) {
      void this.flush();
      this.port.broadcastChanged();
    }
    return result;
  }

  /** What the popup shows (popup-state.ts); with `limit`, only the newest posts. */
  async state(limit?: number): Promise<PopupState> {
    return popupState(this.db, await this.port.configuredServerUrl(), limit);
  }
}
