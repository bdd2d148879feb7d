/**
 * Integration health in the background: the content scripts' counts are added into one row per
 * (site, extension version, UTC day) in IndexedDB, and the rows that changed since the server last
 * acknowledged them are sent as totals (POST /v1/integration-health), so a retry or a report sent
 * twice never counts twice and counts made offline go once the server is back. Counts only.
 */
import {
  HEALTH_COUNTERS,
  MAX_HEALTH_ENTRIES,
  zeroCounts,
  type HealthCounter,
  type HealthSite,
} from '../../lib/schemas';
import { utcDay } from '../../lib/integration-health';
import type { ApiClient } from './api-client';
import { getMeta, setMeta, type HealthRow, type RelayDexie } from './db';

/** Rows of days older than this, once sent, are dropped. */
const KEEP_DAYS = 30;
const DAY_MS = 86_400_000;

/** Adds a content script's counts to today's row for its site and this extension's version. */
export async function recordHealth(
  db: RelayDexie,
  site: HealthSite,
  version: string,
  increments: Partial<Record<HealthCounter, number>>,
  now = Date.now(),
): Promise<void> {
  const day = utcDay(now);
  const id = `${site} ${version} ${day}`;
  await db.transaction('rw', db.health, async () => {
    const row: HealthRow = (await db.health.get(id)) ?? {
      id,
      site,
      version,
      day,
      counts: zeroCounts(),
      revision: 0,
      sentRevision: 0,
    };
    for (const name of HEALTH_COUNTERS) row.counts[name] += increments[name] ?? 0;
    row.revision++;
    await db.health.put(row);
  });
}

/** The random id of this browser's reports, made once. */
async function browserId(db: RelayDexie): Promise<string> {
  const known = await getMeta(db, 'healthBrowser');
  if (known) return known;
  const id = crypto.randomUUID();
  await setMeta(db, 'healthBrowser', id);
  return id;
}

/** Sends every row changed since the server last took it; answers how many were sent. Throws what the client throws. */
export async function flushHealth(db: RelayDexie, client: ApiClient, now = Date.now()): Promise<number> {
  let sent = 0;
  for (;;) {
    const changed = (await db.health.toArray()).filter((row) => row.revision > row.sentRevision);
    if (changed.length === 0) break;
    const batch = changed.slice(0, MAX_HEALTH_ENTRIES);
    await client.postIntegrationHealth({
      browser: await browserId(db),
      entries: batch.map(({ site, version, day, counts }) => ({ site, version, day, counts })),
    });
    await db.transaction('rw', db.health, async () => {
      for (const row of batch) await db.health.update(row.id, { sentRevision: row.revision });
    });
    sent += batch.length;
  }
  const oldest = utcDay(now - KEEP_DAYS * DAY_MS);
  await db.health
    .where('day')
    .below(oldest)
    .filter((row) => row.revision === row.sentRevision)
    .delete();
  return sent;
}
