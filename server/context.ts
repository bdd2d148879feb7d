/** What every route handler can reach: the database, the configuration, the clock and change fan-out. */
import type { HttpBindings } from '@hono/node-server';
import type { Kysely } from 'kysely';
import type { AdvocateAudience } from '../lib/audiences';
import type { Role } from '../lib/roles';
import type { ChangeFeed } from './changes';
import type { Config } from './config';
import type { Database } from './db/schema';
import type { DialectName } from './db';
import type { DatabaseAvailability } from './db/availability';
import type { ClickRecorder } from './services/clicks/recorder';
import type { ContentCatalogue } from './services/content-catalogue';
import type { LinkDirectory } from './services/link-directory';
import type { PrincipalCache } from './services/principal-cache';
import type { TokenLookup } from './services/token-lookup';
import type { ShareSpool } from './services/share-spool';
import type { LinkPreviewer } from './services/link-preview/fetch';
import type { ScoreKeeper } from './services/scores';
import type { SyncStateCache } from './services/sync-state';

export interface Deps {
  db: Kysely<Database>;
  dialect: DialectName;
  config: Config;
  changes: ChangeFeed;
  /** Milliseconds since the epoch; tests move it to make scheduled items come due. */
  now: () => number;
  /** The shared part of every sync's ETag, cached in memory (services/sync-state.ts). */
  syncState: SyncStateCache;
  /** Set once shutdown begins: readiness answers 503 from then on. */
  lifecycle: { shuttingDown: boolean };
  /** Whether the database can be reached and written (db/availability.ts). */
  availability: DatabaseAvailability;
  /** Keeps tracked-link clicks in a durable spool and writes them in batches (services/clicks/). */
  clicks: ClickRecorder;
  /** Every content item's destination and share facts, in memory (services/content-catalogue.ts). */
  content: ContentCatalogue;
  /** Advocates the database vouched for lately, believed while it is unreachable (services/principal-cache.ts). */
  principals: PrincipalCache;
  /** Advocate tokens looked up together, one query per turn of the event loop (services/token-lookup.ts). */
  tokens: TokenLookup;
  /** Shares taken while the database is unreachable (services/share-spool.ts). */
  shareSpool: ShareSpool;
  /** Tracked links resolved from memory, so a redirect needs no database (services/link-directory.ts). */
  links: LinkDirectory;
  /** Keeps advocate_points in step with shares, clicks and the scoring rules (services/scores.ts). */
  scores: ScoreKeeper;
  /** POST /v1/admin/link-preview's fetcher; tests put one here that may reach loopback. */
  linkPreview?: LinkPreviewer;
}

export interface AdminPrincipal {
  id: string;
  email: string;
  role: Role;
}

/** What a handler adds to or changes in its request's audit entry (routes/define.ts RouteAudit). */
export interface AuditNote {
  action?: string;
  target?: { type: string; id: string | null; label?: string | null };
  change?: unknown;
  advocateId?: string | null;
  /** Nothing changed (an idempotent repeat): no entry. */
  skip?: boolean;
}

export interface AdvocatePrincipal {
  id: string;
  name: string;
  ref: string;
  clickTracking: boolean;
  leaderboard: boolean;
  lastSyncAt: number | null;
  /** Content language (a tag) and where it came from: 'chosen', 'idp', 'browser', or null (unknown). */
  language: string | null;
  languageSource: string | null;
  /** Their groups, region and language as of this request (lib/audiences.ts): which posts they get. */
  audience: AdvocateAudience;
}

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    admin: AdminPrincipal;
    advocate: AdvocatePrincipal;
    /** The hash of the advocate token this request came with (one browser's). */
    advocateTokenHash: string;
    adminSessionHash: string;
    /** How the admin authenticated, and the session token (the CSRF token derives from it). */
    adminAuth: { token: string; via: 'bearer' | 'cookie' };
    /** The SCIM provisioning token a /scim/v2 request came with (middleware/auth/scim.ts). */
    scimToken: { id: string };
    /** Set by a handler to shape its audit entry (mount.ts). */
    audit: AuditNote;
    /** The validated body, for the audit entry's default change. */
    auditInput: unknown;
  };
}
