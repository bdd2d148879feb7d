/** What every route handler can reach: the database, the configuration, the clock and change fan-out. */
import type { HttpBindings } from '@hono/node-server';
import type { Kysely } from 'kysely';
import type { ChangeFeed } from './changes';
import type { Config } from './config';
import type { Database } from './db/schema';
import type { DialectName } from './db';
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
}

export interface AdminPrincipal {
  id: string;
  email: string;
}

export interface AdvocatePrincipal {
  id: string;
  name: string;
  ref: string;
  clickTracking: boolean;
  leaderboard: boolean;
  lastSyncAt: number | null;
}

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    admin: AdminPrincipal;
    advocate: AdvocatePrincipal;
    adminSessionHash: string;
  };
}
