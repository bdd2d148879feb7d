/**
 * The background's behaviour: enrolment, sync (single-flight, on start, alarm, stream and demand),
 * the outbox, the badge and notifications, and the state the popup shows. Browser APIs come in
 * through `BrowserPort`, so unit tests can drive it with fakes.
 */
import { shareIntentUrl } from '../../lib/intents';
import { enrollMessageSchema, normalizeServerUrl, pointsRequestSchema, shareMessageSchema } from '../../lib/messages';
import { enrollResponseSchema } from '../../lib/schemas';
import { getMeta, setMeta, type RelayDexie } from '../../utils/db';
import type {
  ComposerBrief,
  ComposerData,
  ComposerShareResult,
  EnrollResult,
  LeaderboardView,
  PointsView,
  PopupItem,
  PopupState,
  PrivacyResult,
  ShareResult,
} from '../../utils/messaging';
import { ApiClient, ApiError, type Fetch } from './api-client';
import { composerBrief, composerData, composerShare } from './composer';
import { LiveConnection } from './live';
import { flushOutbox, pendingShareCount, recordShare } from './outbox';
import { leaderboard, localScore, pointsView, refreshMe, updatePrivacy } from './points';
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
}

export const OUTBOX_ALARM = 'relay-outbox';
export const SYNC_ALARM = 'relay-sync';
export const NOTIFICATION_PREFIX = 'relay-post:';

export class BackgroundController {
  private syncing: Promise<void> | undefined;
  private syncAgain = false;
  private outboxTimer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  readonly live: LiveConnection;

  constructor(
    readonly db: RelayDexie,
    private readonly port: BrowserPort,
  ) {
    this.live = new LiveConnection({
      target: async () => {
        const enrollment = await getMeta(this.db, 'enrollment');
        return enrollment ? { serverUrl: enrollment.serverUrl, token: enrollment.token } : null;
      },
      onSync: () => void this.sync(),
      onConnectedChange: (connected) => {
        // Reconnected: we may have missed messages while away, and the server is back for the outbox.
        if (connected) {
          void this.sync();
          void this.flush(true);
        }
      },
      WebSocketImpl: port.WebSocketImpl,
    });
  }

  private async client(): Promise<ApiClient | null> {
    const enrollment = await getMeta(this.db, 'enrollment');
    return enrollment ? new ApiClient(enrollment.serverUrl, enrollment.token, this.port.fetch) : null;
  }

  /** Worker start, install, browser start, alarm: sync, connect, deliver. */
  async wake(): Promise<void> {
    if (!(await getMeta(this.db, 'enrollment'))) return;
    void this.live.start();
    await Promise.all([this.sync(), this.flush()]);
  }

  /** Runs a sync; concurrent calls share it, and a call during a sync runs one more after it. */
  sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      try {
        do {
          this.syncAgain = false;
          await this.syncOnceAndAnnounce();
        } while (this.syncAgain);
      } finally {
        this.syncing = undefined;
      }
    })();
    return this.syncing;
  }

  private async syncOnceAndAnnounce(): Promise<void> {
    const client = await this.client();
    if (!client) return;
    const outcome = await syncOnce(this.db, client);
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
    this.flushing = (async () => {
      try {
        const client = await this.client();
        if (!client) return;
        const now = Date.now();
        const result = await flushOutbox(this.db, client, now, Math.random, everything ? Infinity : now);
        if (this.outboxTimer) clearTimeout(this.outboxTimer);
        this.outboxTimer = undefined;
        if (result.nextAttemptAt !== undefined) {
          const wait = Math.max(0, result.nextAttemptAt - Date.now());
          // A timer while the worker lives, and an alarm in case it is stopped first.
          this.outboxTimer = setTimeout(() => void this.flush(), wait);
          await this.port.scheduleAlarm(OUTBOX_ALARM, Math.max(result.nextAttemptAt, Date.now() + 30_000));
        }
        if (result.delivered) {
          this.port.broadcastChanged();
          // The server now ranks those shares too.
          void refreshMe(this.db, client).then((changed) => {
            if (changed) this.port.broadcastChanged();
          });
        }
      } finally {
        this.flushing = undefined;
      }
    })();
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
    const parsed = enrollMessageSchema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, kind: 'invalid', message: parsed.error.issues[0]?.message ?? 'Check the fields.' };
    const locked = await this.port.configuredServerUrl();
    const serverUrl = locked ?? normalizeServerUrl(parsed.data.serverUrl);
    if (!serverUrl)
      return { ok: false, kind: 'invalid', message: 'The server URL should look like https://relay.example.com.' };
    let body: unknown;
    try {
      body = await new ApiClient(serverUrl, undefined, this.port.fetch).enroll(parsed.data.code, parsed.data.name);
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.kind === 'offline')
          return {
            ok: false,
            kind: 'unreachable',
            message: `Can't reach ${serverUrl}. Check the address and your connection.`,
          };
        if (error.status === 404)
          return {
            ok: false,
            kind: 'bad-code',
            message: 'That invite code is not recognised. Check it and try again.',
          };
        if (error.status === 410) {
          return {
            ok: false,
            kind: 'expired',
            message: `${error.message} `.trim() || 'That invite has expired. Ask your admin for a new one.',
          };
        }
        if (error.status === 422)
          return { ok: false, kind: 'invalid', message: error.problem?.errors?.[0]?.message ?? error.message };
        if (error.status === 429)
          return { ok: false, kind: 'server', message: 'Too many attempts. Wait a minute and try again.' };
      }
      return { ok: false, kind: 'server', message: `The server could not enrol you: ${(error as Error).message}` };
    }
    const enrolled = enrollResponseSchema.safeParse(body);
    if (!enrolled.success)
      return {
        ok: false,
        kind: 'server',
        message: 'The server answered in a way Relay does not understand. Is this a Relay server?',
      };
    await this.db.transaction('rw', this.db.meta, this.db.content, async () => {
      await this.db.content.clear();
      await this.db.meta.bulkDelete(['cursor', 'etag', 'status', 'unseen', 'me', 'leaderboards']);
      await setMeta(this.db, 'enrollment', {
        serverUrl,
        token: enrolled.data.token,
        advocate: enrolled.data.advocate,
        enrolledAt: new Date().toISOString(),
      });
    });
    await this.wake();
    return { ok: true };
  }

  async signOut(): Promise<void> {
    this.live.stop();
    await this.db.transaction('rw', this.db.meta, this.db.content, async () => {
      await this.db.content.clear();
      await this.db.meta.bulkDelete([
        'enrollment',
        'cursor',
        'etag',
        'status',
        'unseen',
        'guidelines',
        'scoring',
        'me',
        'leaderboards',
      ]);
    });
    await this.updateBadge();
    this.port.broadcastChanged();
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
    if (network !== 'facebook') {
      // LinkedIn and X open their composer prefilled: the composer content script logs the share
      // when the post is published, not when the intent opens.
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
    if (client && request.success && request.data?.refresh && (await refreshMe(this.db, client)))
      this.port.broadcastChanged();
    return pointsView(this.db);
  }

  async leaderboard(raw: unknown): Promise<LeaderboardView> {
    return leaderboard(this.db, await this.client(), raw);
  }

  /** Privacy choices: saved on the server; a click-tracking change brings new links with a sync. */
  async updatePrivacy(raw: unknown): Promise<PrivacyResult> {
    const result = await updatePrivacy(this.db, await this.client(), raw);
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

  /**
   * What the popup shows. With `limit`, only the newest `limit` posts (read through the publishAt
   * index, so a first render with 1,000 cached posts doesn't wait for all of them); the popup asks
   * for the rest right after. Posts carry their suggested texts, not the raw variants and links.
   */
  async state(limit?: number): Promise<PopupState> {
    const [enrollment, status, unseen, scoring, me, locked] = await Promise.all([
      getMeta(this.db, 'enrollment'),
      getMeta(this.db, 'status'),
      getMeta(this.db, 'unseen'),
      getMeta(this.db, 'scoring'),
      getMeta(this.db, 'me'),
      this.port.configuredServerUrl(),
    ]);
    const [content, total, points, pendingShares] = await Promise.all([
      limit === undefined
        ? this.db.content.toArray()
        : this.db.content.orderBy('publishAt').reverse().limit(limit).toArray(),
      this.db.content.count(),
      scoring ? localScore(this.db, scoring, me?.value?.history ?? null, Date.now()) : null,
      pendingShareCount(this.db),
    ]);
    const advocateId = enrollment?.advocate.id ?? '';
    const items: PopupItem[] = content
      .sort(
        (a, b) => (b.publishAt ?? b.createdAt).localeCompare(a.publishAt ?? a.createdAt) || a.id.localeCompare(b.id),
      )
      .map(({ variants: _variants, links: _links, ...item }) => ({
        ...item,
        suggestions: Object.fromEntries(
          item.networks.map((network) => [
            network,
            suggestion({ ...item, variants: _variants, links: _links }, network, advocateId).text,
          ]),
        ),
      }));
    return {
      setup: { serverUrl: locked ?? enrollment?.serverUrl ?? '', locked: locked !== null },
      enrollment: enrollment ? { serverUrl: enrollment.serverUrl, advocate: enrollment.advocate } : null,
      status: status ?? { error: null },
      content: items,
      total,
      unseen: unseen ?? [],
      points: points && { points: points.points, shares: points.shares, level: points.level },
      pendingShares,
    };
  }
}
