/**
 * Starts the API on a port: opens and migrates the database, creates the first admin, listens,
 * and shuts down gracefully (in-flight requests finish, then the database closes).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { ensureFirstAdmin } from './admins';
import { createApp } from './app';
import { LocalChangeFeed, type ChangeFeed } from './changes';
import type { Config } from './config';
import type { Hono } from 'hono';
import type { AppEnv, Deps } from './context';
import { openDatabase, type RelayDatabase } from './db';
import { migrateToLatest } from './db/migrate';
import { PgChangeFeed } from './changes-pg';
import { StreamHub } from './stream/hub';
import { SyncNotifier } from './stream/notifier';
import { watchRevocations } from './stream/revocations';
import { attachStream } from './stream/upgrade';
import { startDeps, stopDeps } from './deps';
import { purgeAudit, startAuditRetention } from './services/audit-retention';
import { recordSsoSettings } from './services/audit-system';

/** After in-flight requests (RELAY_SHUTDOWN_GRACE_MS), what writing spooled clicks and closing may take. */
export const CLEANUP_MS = 6_000;

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  database: RelayDatabase;
  /** This instance's live streams. */
  hub: StreamHub;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to the grace period), writes
   * what it can and closes the database: always done within grace + CLEANUP_MS (and a second).
   */
  close(): Promise<void>;
}

export interface StartOptions {
  now?: () => number;
  changes?: ChangeFeed;
  /** Runs after migrations, before listening (the demo seeds itself here); its result is ignored. */
  beforeListen?: (deps: Deps) => Promise<unknown>;
  /** Adds routes to the app before it listens (benchmarks add their baseline route here). */
  configure?: (app: Hono<AppEnv>) => void;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const database = openDatabase(config.databaseUrl, {
    timeouts: { connectMs: config.database.connectTimeoutMs, statementMs: config.database.statementTimeoutMs },
  });
  try {
    await migrateToLatest(database);
    await ensureFirstAdmin(database.db, config.adminEmail, config.adminPassword);
  } catch (error) {
    await database.close();
    throw error;
  }
  let changes = options.changes;
  let notifier: SyncNotifier | undefined;
  let deps: Deps;
  let begun: Deps | undefined;
  let hub: StreamHub;
  let server: Server;
  try {
    if (!changes && database.postgresUrl) {
      const feed = new PgChangeFeed(database.postgresUrl, database.db);
      changes = feed;
      await feed.start();
      database.availability.onChange((state) => (state.reachable ? feed.resume() : feed.interrupt()));
    }
    const feed = changes ?? new LocalChangeFeed();
    deps = begun = await startDeps(config, database, feed, options.now ?? Date.now);
    // The audit log: SSO settings that changed since the last start are recorded; old entries go.
    await recordSsoSettings(deps.db, config, deps.now());
    await purgeAudit(deps);
    await options.beforeListen?.(deps);
    const { app } = createApp(deps);
    options.configure?.(app);
    hub = new StreamHub({ ...config.stream, now: deps.now });
    notifier = new SyncNotifier(deps, hub);
    await notifier.start();
    const started = notifier;
    database.availability.onChange((state) => {
      if (state.reachable) started.resume();
    });
    server = await new Promise<Server>((resolve, reject) => {
      const created = serve(
        {
          fetch: app.fetch,
          port: config.port,
          hostname: config.host,
          // Slow clients cannot hold sockets: headers and the whole request must arrive in time
          // (408 and the socket closed otherwise), checked every second at most.
          serverOptions: {
            headersTimeout: config.http.headersTimeoutMs,
            requestTimeout: config.http.requestTimeoutMs,
            connectionsCheckingInterval: Math.min(1_000, Math.floor(config.http.headersTimeoutMs / 2)),
          },
        },
        () => resolve(created as Server),
      ) as Server;
      // Connections past the cap (WebSockets included) are closed as they arrive.
      created.maxConnections = config.http.maxConnections;
      created.once('error', reject);
    });
  } catch (error) {
    // Nothing half-started is left behind: the caller gets the error and no open connections.
    notifier?.stop();
    if (begun) await stopDeps(begun, database, 0).catch(() => undefined);
    if (!begun) {
      await changes?.close?.().catch(() => undefined);
      await database.close();
    }
    throw error;
  }
  const liveNotifier = notifier;
  const stream = attachStream(server, deps, hub, () => liveNotifier.latestCursor);
  // Revoked tokens lose their live streams on this instance too.
  const stopWatchingRevocations = watchRevocations(deps, hub);
  const stopAuditRetention = startAuditRetention(deps);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  // No RELAY_PUBLIC_URL and an OS-chosen port: tracked links use the address we got.
  if (!config.publicUrl) deps.config = { ...config, publicUrl: url };
  // Points computed under older rules (an interrupted pass, a new release) are brought up to date.
  void deps.scores.rescoreStale();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      deps.lifecycle.shuttingDown = true;
      stream.stopAccepting();
      liveNotifier.stop();
      stopWatchingRevocations();
      stopAuditRetention();
      await hub.closeAll();
      await new Promise<void>((resolve) => {
        const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
        deadline.unref();
        // Idle keep-alive connections are closed now and again as requests finish.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        server.close(() => {
          clearTimeout(deadline);
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
      // Every request has finished: what they spooled is written if the database takes it.
      await stopDeps(deps, database, CLEANUP_MS);
    })());

  return { url, port: address.port, deps, database, hub, close };
}
