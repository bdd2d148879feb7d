/**
 * The extension's IndexedDB (Dexie), opened by the background only: the synced content, the local
 * share log, the outbox of shares waiting for the server, and metadata (cursor, ETag, guidelines,
 * scoring, enrolment). Versions only ever add: every upgrade keeps the share log.
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  AdvocateItem,
  Guidelines,
  LeaderboardResponse,
  MeResponse,
  Network,
  Period,
  ScoringRules,
  ShareEvent,
} from '../../lib/schemas';
import type { AccessEnded, SyncStatus } from '../../components/shared/views';
import type { HealthCounts, HealthSite, SelectorOverrides } from '../../lib/schemas';

export type { AccessEnded, SyncStatus };

export interface LocalShare {
  /** Client-made UUID, also the event id sent to the server. */
  id: string;
  contentId: string;
  network: Network;
  /** ISO time. */
  sharedAt: string;
  personalized: boolean;
  /** How it was made: from the popup's buttons or inside a site's composer. */
  source: 'popup' | 'composer';
}

export interface OutboxEntry {
  id: string;
  event: ShareEvent;
  attempts: number;
  /** Epoch ms of the next delivery attempt. */
  nextAttemptAt: number;
  lastError?: string;
  /** Set when the server refused the event for good (it stays, for the record, but is not retried). */
  rejected?: string;
}

export interface Enrollment {
  serverUrl: string;
  token: string;
  /** Email and team come with a work-account sign-in (from the company's identity provider). */
  advocate: { id: string; name: string; email?: string | null; team?: string | null };
  enrolledAt: string;
  /** How this browser got in: an invite code, or a work-account sign-in (absent: an invite, before work accounts). */
  via?: 'invite' | 'sso';
}

/**
 * Integration health: this browser's running counts for a composer site, extension version and
 * UTC day (counts only). `revision` grows with each change; `sentRevision` is the one the server
 * acknowledged, so a row is sent again only when it changed since.
 */
export interface HealthRow {
  /** `${site} ${version} ${day}`. */
  id: string;
  site: HealthSite;
  version: string;
  day: string;
  counts: HealthCounts;
  revision: number;
  sentRevision: number;
}

/**
 * Zero-touch sign-in's bookkeeping, kept across enrolments and ends of access (it is about this
 * browser profile, not an advocate): silent attempts made since start-up and whether the one
 * "sign in" notification was shown.
 */
export interface ZeroTouchState {
  /** Silent attempts that failed since the last start-up (the backoff alarm's step). */
  failures: number;
  /** ISO time of the one notification inviting to sign in, once shown: never again in this profile. */
  notifiedAt?: string;
}

/** A sign-out the server has not confirmed yet: retried at the next wake. No other data is kept. */
export interface PendingSignOut {
  serverUrl: string;
  token: string;
  /** ISO time of the sign-out. */
  at: string;
}

/** Keyed metadata values. */
export interface MetaValues {
  enrollment: Enrollment;
  cursor: string;
  etag: string;
  guidelines: Guidelines;
  scoring: ScoringRules;
  status: SyncStatus;
  /** New posts not yet seen in the popup (the badge). */
  unseen: string[];
  /** The last GET /v1/me answer (ranks, clicks, privacy settings) and the last attempt's error. */
  me: Cached<MeResponse>;
  /** The last leaderboard fetched for each period. */
  leaderboards: Partial<Record<Period, Cached<LeaderboardResponse>>>;
  /** Set when the server said the token no longer works (the data was cleared): the popup says why. */
  accessEnded: AccessEnded;
  /** Sign-outs to confirm with their server (DELETE /v1/me/token), oldest first. */
  pendingSignOuts: PendingSignOut[];
  zeroTouch: ZeroTouchState;
  /** The random id this browser's integration health reports carry (not the advocate's). */
  healthBrowser: string;
  /** The selector overrides of the last sync, per composer site (sent to content scripts in the brief). */
  selectorOverrides: SelectorOverrides;
}

/** What survives a change of advocate (a fresh enrolment, an end of access): this browser's own bookkeeping. */
export const BROWSER_META: readonly MetaKey[] = ['pendingSignOuts', 'zeroTouch', 'healthBrowser'];

/** A server answer kept for when the server cannot be reached, and why the last refresh failed. */
export interface Cached<T> {
  value: T | null;
  /** ISO time `value` was fetched. */
  fetchedAt: string | null;
  /** null when the last refresh worked. */
  error: string | null;
}
export type MetaKey = keyof MetaValues;
export interface MetaRow {
  key: MetaKey;
  value: unknown;
}

export type RelayDexie = Dexie & {
  content: EntityTable<AdvocateItem, 'id'>;
  shares: EntityTable<LocalShare, 'id'>;
  outbox: EntityTable<OutboxEntry, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  health: EntityTable<HealthRow, 'id'>;
};

export const DB_NAME = 'relay';

/**
 * Every schema version ever shipped, oldest first. Add new versions at the end; never edit one.
 * v1: content, shares, meta. v2: the outbox, and shares indexed by content+network and source.
 * v3: integration health counts (per site, version and day).
 */
export const SCHEMA_VERSIONS: {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: { content: 'id, publishAt', shares: 'id, contentId, sharedAt', meta: 'key' },
  },
  {
    version: 2,
    stores: {
      content: 'id, publishAt',
      shares: 'id, contentId, sharedAt, [contentId+network], source',
      outbox: 'id, nextAttemptAt',
      meta: 'key',
    },
    upgrade: async (tx) => {
      // v1 shares had no source: they all came from the popup.
      await tx
        .table('shares')
        .toCollection()
        .modify((share: Partial<LocalShare>) => {
          share.source ??= 'popup';
          share.personalized ??= false;
        });
    },
  },
  {
    version: 3,
    stores: {
      content: 'id, publishAt',
      shares: 'id, contentId, sharedAt, [contentId+network], source',
      outbox: 'id, nextAttemptAt',
      meta: 'key',
      health: 'id, day',
    },
  },
];

export function openRelayDb(name = DB_NAME, upTo = SCHEMA_VERSIONS.length): RelayDexie {
  const db = new Dexie(name) as RelayDexie;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS.slice(0, upTo)) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

export async function getMeta<K extends MetaKey>(db: RelayDexie, key: K): Promise<MetaValues[K] | undefined> {
  return (await db.meta.get(key))?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: RelayDexie, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}
