/**
 * The background's lifecycle: sync (single-flight, on start, alarm, stream and demand), the
 * outbox, the badge and notifications, sign-out, and the state the popup shows; the messages'
 * handlers (messages/) act through it. Browser APIs come in through `BrowserPort`, so unit tests
 * can drive it with fakes.
 *
 * When the server says the token no longer works (401 revoked, expired or unknown, from any call),
 * access ends: the live connection stops, calls already under way finish, then the advocate's data
 * is cleared (access.ts) and the popup's setup screen says why.
 */
import { getMeta, type Enrollment, type RelayDexie } from './db';
import type { PopupState } from '../../components/shared/views';
import { accessEndedNotice, clearAdvocateData, retryPendingSignOuts } from './access';
import { ApiClient, type ApiError, type Fetch, type Transport } from './api-client';
import { LiveConnection } from './live';
import type { InlineSync } from '../../lib/schemas/read';
import { badgeText, newUnsharedCount } from './badge';
import { flushHealth } from './health';
import { flushOutbox, pendingShareCount } from './outbox';
import { popupState } from './popup-state';
import { refreshMe } from './points';
import { syncOnce } from './sync';
import { NO_POLICY, type ManagedPolicy } from './policy';
import { quickPolicyRead } from './setup-context';
import type { IdentityPort } from './work-account';
import { WorkSignIn } from './zero-touch';
import { t } from '../../components/shared/i18n';

export interface BrowserPort {
  setBadge(text: string): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
  openTab(url: string): Promise<void>;
  /** Sets a one-shot alarm at `when` (epoch ms) under `name`. */
  scheduleAlarm(name: string, when: number): Promise<void>;
  /** Tells open popups that the state changed. */
  broadcastChanged(): void;
  configuredServerUrl(): Promise<string | null>;
  /** The organisation's policy (storage.managed); none when absent. */
  policy?(): Promise<ManagedPolicy>;
  /** The browser's extension sign-in flow; absent where the browser has none (no work-account sign-in). */
  identity?: IdentityPort;
  /** The extension's version (its manifest's): every request and the stream say it (`Relay-Client`). */
  clientVersion: string;
  fetch?: Fetch;
  WebSocketImpl?: typeof WebSocket;
  /** The live connection's reconnect jitter (tests make it predictable). */
  random?: () => number;
  /** Tells the composer pages open in tabs that the selector overrides changed (they ask for them again). */
  selectorsChanged?(): void;
  /**
   * Whether this person allows the integration health counts (Firefox: the optional
   * `technicalAndInteraction` data collection, granted in the add-on's permissions); absent: allowed.
   */
  mayCountHealth?(): Promise<boolean>;
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
  /** Work-account sign-in: the interactive flow and zero-touch's silent attempts. */
  readonly workSignIn = new WorkSignIn(this);

  constructor(
    readonly db: RelayDexie,
    readonly port: BrowserPort,
  ) {
    this.live = new LiveConnection({
      target: async () => {
        const enrollment = this.ending ? undefined : await getMeta(this.db, 'enrollment');
        return enrollment ? { serverUrl: enrollment.serverUrl, token: enrollment.token } : null;
      },
      onSync: (_cursor, inline) => void this.sync(inline),
      // The server closed the stream because the token was revoked: the next call learns why.
      onRevoked: () => void this.sync(),
      onConnectedChange: (connected) => {
        // Reconnected: we may have missed messages while away, and the server is back for the outbox.
        if (connected) {
          void this.sync();
          void this.flush(true);
        }
      },
      clientVersion: port.clientVersion,
      WebSocketImpl: port.WebSocketImpl,
      random: port.random,
    });
  }

  /** How every client of this controller reaches the server. */
  get transport(): Transport {
    return { fetch: this.port.fetch, clientVersion: this.port.clientVersion };
  }

  /** A client for the enrolled server and token; null when not enrolled or while access is ending. */
  async client(): Promise<ApiClient | null> {
    const enrollment = this.ending ? undefined : await getMeta(this.db, 'enrollment');
    if (!enrollment) return null;
    return new ApiClient(enrollment.serverUrl, enrollment.token, {
      ...this.transport,
      onAccessEnded: (error) => void this.endAccess(error, enrollment),
    });
  }

  /** Keeps `work` in the set of calls under way until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
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
  endAccess(error: ApiError, enrollment: Pick<Enrollment, 'serverUrl' | 'token' | 'via'>): Promise<void> {
    this.ending ??= (async () => {
      // A call of an earlier enrolment heard its 401 late: the current one is not concerned.
      if ((await getMeta(this.db, 'enrollment'))?.token !== enrollment.token) return;
      this.live.stop();
      while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
      const notice = accessEndedNotice(
        { end: error.accessEnd ?? 'unauthorized', reason: error.problem?.reason, via: enrollment.via },
        enrollment.serverUrl,
      );
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

  /** Resolves once an access that is ending has ended (enrolling waits for it); at once otherwise. */
  async accessEnding(): Promise<void> {
    await this.ending;
  }

  /** Resolves once access that is ending has ended (tests, and callers that want the outcome). */
  async settled(): Promise<void> {
    while (this.inflight.size > 0 || this.ending) {
      await Promise.allSettled([...this.inflight]);
      await this.ending;
    }
  }

  /**
   * Worker start, install, browser start, alarm: confirm sign-outs, then sync, connect, deliver.
   * After an update past a version the server refused (426), every waiting share goes at once.
   */
  async wake(): Promise<void> {
    await this.track(retryPendingSignOuts(this.db, this.transport)).catch(() => undefined);
    if (this.ending || !(await getMeta(this.db, 'enrollment'))) return;
    const refused = (await getMeta(this.db, 'status'))?.error;
    const updated = refused?.kind === 'client-too-old' && refused.clientVersion !== this.port.clientVersion;
    void this.live.start();
    await Promise.all([this.sync(), this.flush(updated)]);
  }

  /**
   * Runs a sync; concurrent calls share it, and a call during a sync runs one more after it.
   * `inline`: the answer a stream message carried (used if it fits the stored cursor).
   */
  sync(inline?: InlineSync): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = this.track(
      (async () => {
        try {
          let carried = inline;
          do {
            this.syncAgain = false;
            await this.syncOnceAndAnnounce(carried);
            carried = undefined;
          } while (this.syncAgain);
        } finally {
          this.syncing = undefined;
        }
      })(),
    );
    return this.syncing;
  }

  private async syncOnceAndAnnounce(inline?: InlineSync): Promise<void> {
    const client = await this.client();
    if (!client) return;
    const outcome = await syncOnce(this.db, client, undefined, inline);
    if (outcome.accessEnded) return;
    // The server may carry the next change's answer for the cursor now stored.
    this.live.reportCursor(await getMeta(this.db, 'cursor'));
    if (outcome.selectorsChanged) this.port.selectorsChanged?.();
    if (outcome.added.length) {
      const items = await this.db.content.bulkGet(outcome.added.slice(0, 3));
      for (const item of items) {
        if (item)
          await this.port
            .notify(
              NOTIFICATION_PREFIX + item.id,
              t('notify_new_title', { title: item.title }),
              item.note ?? t('notify_new_message'),
            )
            .catch(() => undefined);
      }
    }
    await this.updateBadge();
    this.port.broadcastChanged();
  }

  /** Whether the integration health counts may be kept and sent (the person's choice, where the browser asks it). */
  async mayCountHealth(): Promise<boolean> {
    return (await this.port.mayCountHealth?.().catch(() => false)) ?? true;
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
          // Integration health totals ride along (when allowed); what fails now goes with a later flush.
          if (await this.mayCountHealth()) await flushHealth(this.db, client, now).catch(() => undefined);
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

  /** The toolbar badge: how many posts are new (not yet seen in the popup) and not shared yet (badge.ts). */
  async updateBadge(): Promise<void> {
    await this.port.setBadge(badgeText(await newUnsharedCount(this.db)));
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
    await this.track(retryPendingSignOuts(this.db, this.transport)).catch(() => undefined);
  }

  /**
   * What the popup shows (popup-state.ts); with `limit`, only the newest posts. The policy is read
   * while the database is, and not waited for long (setup-context.ts).
   */
  state(limit?: number): Promise<PopupState> {
    const context = quickPolicyRead(
      async () => {
        const [locked, policy] = await Promise.all([this.port.configuredServerUrl(), this.port.policy?.()]);
        return { locked, policy: policy ?? NO_POLICY };
      },
      () => this.port.broadcastChanged(),
    ).then(({ locked, policy }) => ({ locked, policy, signInAvailable: !!this.port.identity }));
    return popupState(this.db, context, limit);
  }
}
