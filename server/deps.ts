/** What every route can reach (context.ts's Deps): built and started in order, and stopped within a deadline. */
import type { ChangeFeed } from './changes';
import type { Config } from './config';
import type { Deps } from './context';
import type { RelayDatabase } from './db';
import { within } from './deadline';
import { ClickRecorder } from './services/clicks/recorder';
import { ContentCatalogue } from './services/content-catalogue';
import { LinkDirectory } from './services/link-directory';
import { PrincipalCache } from './services/principal-cache';
import { TokenLookup } from './services/token-lookup';
import { ScoreKeeper } from './services/scores';
import { ShareSpool } from './services/share-spool';
import { SyncStateCache } from './services/sync-state';

export async function startDeps(
  config: Config,
  database: RelayDatabase,
  changes: ChangeFeed,
  now: () => number,
): Promise<Deps> {
  const { db, dialect, availability } = database;
  const scores = new ScoreKeeper(db, dialect, { clickSpacingMs: config.spool.rescoreMs });
  const content = new ContentCatalogue(db);
  const deps: Deps = {
    db,
    dialect,
    config,
    changes,
    now,
    lifecycle: { shuttingDown: false },
    availability,
    syncState: new SyncStateCache(db, now, changes),
    clicks: new ClickRecorder(db, now, {
      flushMs: config.spool.flushMs,
      dialect,
      onCounted: async (ids) => scores.scheduleClicks(ids),
      availability,
      spool: config.spool,
    }),
    content,
    links: new LinkDirectory(db, content, { utmMedium: config.utmMedium }),
    principals: new PrincipalCache(now),
    tokens: new TokenLookup(db, dialect),
    shareSpool: new ShareSpool(db, dialect, scores, availability, config.spool),
    scores,
  };
  try {
    await deps.clicks.start();
    deps.shareSpool.open();
    await content.start(changes, availability);
    await deps.links.start(now());
  } catch (error) {
    await deps.clicks.close(0);
    await deps.shareSpool.close(0);
    deps.links.stop();
    content.stop();
    throw error;
  }
  return deps;
}

/**
 * After the last request: writes what the spools hold if the database takes it (what it does not
 * stays on disk for the next start), stops the background work and closes the database, all
 * within `budgetMs` (and a second for the database's own close).
 */
export async function stopDeps(deps: Deps, database: RelayDatabase, budgetMs: number): Promise<void> {
  const ends = Date.now() + budgetMs;
  const left = () => ends - Date.now();
  await Promise.all([deps.clicks.close(budgetMs / 2), deps.shareSpool.close(budgetMs / 2)]);
  deps.links.stop();
  deps.content.stop();
  await within(left(), 'rescoring', deps.scores.close(Math.max(0, left() - 1_000)));
  await within(left(), 'the change feed', deps.changes.close?.());
  await within(left() + 1_000, 'closing the database', database.close(Math.max(0, left())));
}
