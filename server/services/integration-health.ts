/**
 * Integration health counts: a browser's report is stored as the latest totals per (browser, site,
 * version, day), each counter never going back (a late retry of an older report changes nothing),
 * and the admin reads them added over browsers, per site, version and day.
 */
import { sql, type Kysely } from 'kysely';
import {
  HEALTH_COUNTERS,
  type HealthCounter,
  type HealthCounts,
  type HealthDayRow,
  type HealthReport,
  type HealthSite,
} from '../../lib/schemas';
import type { Database } from '../db/schema';

const DAY_MS = 86_400_000;

const COLUMNS = {
  composersSeen: 'composers_seen',
  composersUnmatched: 'composers_unmatched',
  insertionsConfirmed: 'insertions_confirmed',
  insertionsFailed: 'insertions_failed',
  publishesConfirmed: 'publishes_confirmed',
  publishesUnconfirmed: 'publishes_unconfirmed',
  overridesRefused: 'overrides_refused',
} as const satisfies Record<HealthCounter, keyof Database['integration_health']>;
type CounterColumn = (typeof COLUMNS)[HealthCounter];

/** Stores a report's entries; answers how many. */
export async function storeHealthReport(db: Kysely<Database>, report: HealthReport, now: number): Promise<number> {
  await db.transaction().execute(async (trx) => {
    for (const entry of report.entries) {
      const counts = Object.fromEntries(HEALTH_COUNTERS.map((name) => [COLUMNS[name], entry.counts[name]]));
      // Totals only grow: the larger of the stored and the sent value is kept.
      const update = Object.fromEntries(
        HEALTH_COUNTERS.map((name) => {
          const column = COLUMNS[name];
          return [
            column,
            sql<number>`case when excluded.${sql.ref(column)} > integration_health.${sql.ref(column)} then excluded.${sql.ref(column)} else integration_health.${sql.ref(column)} end`,
          ];
        }),
      );
      await trx
        .insertInto('integration_health')
        .values({
          browser: report.browser,
          site: entry.site,
          version: entry.version,
          day: entry.day,
          ...(counts as Record<CounterColumn, number>),
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['browser', 'site', 'version', 'day']).doUpdateSet({ ...update, updated_at: now }),
        )
        .execute();
    }
  });
  return report.entries.length;
}

/** The first UTC day of the last `days` days, today included. */
export function firstDay(now: number, days: number): string {
  return new Date(now - (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

/** The counts of the last `days` days, added over browsers per site, version and day. */
export async function readHealth(db: Kysely<Database>, now: number, days: number): Promise<HealthDayRow[]> {
  const rows = await db
    .selectFrom('integration_health')
    .select(['site', 'version', 'day'])
    .select((eb) => eb.fn.countAll<number | string>().as('browsers'))
    .select((eb) => HEALTH_COUNTERS.map((name) => eb.fn.sum<number | string>(COLUMNS[name]).as(COLUMNS[name])))
    .where('day', '>=', firstDay(now, days))
    .groupBy(['site', 'version', 'day'])
    .orderBy('day')
    .orderBy('site')
    .orderBy('version')
    .execute();
  return rows.map((row) => {
    const values = row as unknown as Record<string, number | string>;
    const counts = Object.fromEntries(HEALTH_COUNTERS.map((name) => [name, Number(values[COLUMNS[name]])]));
    return {
      site: row.site as HealthSite,
      version: row.version,
      day: row.day,
      browsers: Number(row.browsers),
      counts: counts as HealthCounts,
    };
  });
}
