/**
 * Admin analytics: shares (by the time the advocate shared) and counted clicks (human visits of
 * tracked links, from click_counts) per UTC day, network, content and advocate.
 *
 * Every aggregate is a GROUP BY that SQLite and PostgreSQL both run; times are epoch milliseconds
 * (shares) and epoch hours (click_counts), bucketed into UTC days by integer division.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Analytics } from '../../lib/console-schemas';
import { NETWORKS, type Network } from '../../lib/schemas';
import type { Deps } from '../context';
import type { DialectName } from '../db';

export const DAY_MS = 86_400_000;
const ACTIVE_WINDOW_MS = 7 * DAY_MS;

/** Inclusive range of UTC days, as days since the epoch. */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

export const dayString = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `value / divisor` as a whole number on either database (both divide integers exactly so; the cast keeps SQLite's type). */
export function intDiv(dialect: DialectName, value: Expression<number>, divisor: number): RawBuilder<number> {
  return dialect === 'sqlite'
    ? sql<number>`cast(${value} / ${sql.lit(divisor)} as integer)`
    : sql<number>`(${value} / ${sql.lit(divisor)})`;
}

interface Counts {
  shares: number;
  clicks: number;
}

function bump<K>(map: Map<K, Counts>, key: K, field: keyof Counts, amount: number): void {
  const entry = map.get(key) ?? { shares: 0, clicks: 0 };
  entry[field] += Number(amount);
  map.set(key, entry);
}

/** Most shares first, then most clicks, then by label and id, so the order is stable. */
function ranked<T extends Counts & { label: string; id: string }>(rows: T[], limit: number | undefined): T[] {
  const sorted = rows.sort(
    (a, b) =>
      b.shares - a.shares ||
      b.clicks - a.clicks ||
      a.label.localeCompare(b.label) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return limit === undefined ? sorted : sorted.slice(0, limit);
}

export async function computeAnalytics(
  deps: Pick<Deps, 'db' | 'dialect' | 'now'>,
  range: DayRange,
  options: { top?: number; advocates?: readonly string[] } = {},
): Promise<Analytics> {
  const { db, dialect } = deps;
  const top = options.top;
  // An audience: only these advocates' shares and clicks count ('' matches nobody, for an empty one).
  const only = options.advocates ? (options.advocates.length ? [...options.advocates] : ['']) : undefined;
  const filtered = only !== undefined;
  const fromMs = range.fromDay * DAY_MS;
  const toMs = (range.toDay + 1) * DAY_MS;
  const fromHour = range.fromDay * 24;
  const toHour = (range.toDay + 1) * 24;

  const shareDay = intDiv(dialect, sql.ref('shared_at'), DAY_MS);
  const clickDay = intDiv(dialect, sql.ref('click_counts.hour'), 24);

  const [sharesByDay, sharesByContent, sharesByAdvocate, clicksByDay, clicksByContent, clicksByAdvocate, installs] =
    await Promise.all([
      db
        .selectFrom('shares')
        .select([shareDay.as('day'), 'network', (eb) => eb.fn.countAll<number>().as('n')])
        .where('shared_at', '>=', fromMs)
        .where('shared_at', '<', toMs)
        .$if(filtered, (qb) => qb.where('advocate_id', 'in', only!))
        .groupBy([shareDay, 'network'])
        .execute(),
      db
        .selectFrom('shares')
        .select(['content_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('shared_at', '>=', fromMs)
        .where('shared_at', '<', toMs)
        .$if(filtered, (qb) => qb.where('advocate_id', 'in', only!))
        .groupBy('content_id')
        .execute(),
      db
        .selectFrom('shares')
        .select(['advocate_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('shared_at', '>=', fromMs)
        .where('shared_at', '<', toMs)
        .$if(filtered, (qb) => qb.where('advocate_id', 'in', only!))
        .groupBy('advocate_id')
        .execute(),
      db
        .selectFrom('click_counts')
        .innerJoin('links', 'links.code', 'click_counts.code')
        .select([clickDay.as('day'), 'links.network', (eb) => eb.fn.sum<number>('click_counts.clicks').as('n')])
        .where('click_counts.hour', '>=', fromHour)
        .where('click_counts.hour', '<', toHour)
        .$if(filtered, (qb) => qb.where('links.advocate_id', 'in', only!))
        .groupBy([clickDay, 'links.network'])
        .execute(),
      db
        .selectFrom('click_counts')
        .innerJoin('links', 'links.code', 'click_counts.code')
        .select(['links.content_id', (eb) => eb.fn.sum<number>('click_counts.clicks').as('n')])
        .where('click_counts.hour', '>=', fromHour)
        .where('click_counts.hour', '<', toHour)
        .$if(filtered, (qb) => qb.where('links.advocate_id', 'in', only!))
        .groupBy('links.content_id')
        .execute(),
      db
        .selectFrom('click_counts')
        .innerJoin('links', 'links.code', 'click_counts.code')
        .select(['links.advocate_id', (eb) => eb.fn.sum<number>('click_counts.clicks').as('n')])
        .where('click_counts.hour', '>=', fromHour)
        .where('click_counts.hour', '<', toHour)
        .$if(filtered, (qb) => qb.where('links.advocate_id', 'in', only!))
        .groupBy('links.advocate_id')
        .execute(),
      db
        .selectFrom('advocates')
        .select([
          (eb) => eb.fn.countAll<number>().as('advocates'),
          (eb) =>
            eb.fn
              .sum<number>(
                eb
                  .case()
                  .when('last_sync_at', '>=', deps.now() - ACTIVE_WINDOW_MS)
                  .then(1)
                  .else(0)
                  .end(),
              )
              .as('active'),
        ])
        // Removed, signed-out and expired advocates are no longer enrolled (their shares still count).
        .where('access_ended', 'is', null)
        .$if(filtered, (qb) => qb.where('id', 'in', only!))
        .executeTakeFirstOrThrow(),
    ]);

  const perDayMap = new Map<number, Counts>();
  const perNetworkMap = new Map<string, Counts>();
  for (const row of sharesByDay) {
    bump(perDayMap, Number(row.day), 'shares', row.n);
    bump(perNetworkMap, row.network, 'shares', row.n);
  }
  for (const row of clicksByDay) {
    bump(perDayMap, Number(row.day), 'clicks', row.n);
    bump(perNetworkMap, row.network, 'clicks', row.n);
  }
  const contentMap = new Map<string, Counts>();
  for (const row of sharesByContent) bump(contentMap, row.content_id, 'shares', row.n);
  for (const row of clicksByContent) bump(contentMap, row.content_id, 'clicks', row.n);
  const advocateMap = new Map<string, Counts>();
  for (const row of sharesByAdvocate) bump(advocateMap, row.advocate_id, 'shares', row.n);
  for (const row of clicksByAdvocate) bump(advocateMap, row.advocate_id, 'clicks', row.n);

  const perDay: Analytics['perDay'] = [];
  const totals = { shares: 0, clicks: 0 };
  for (let day = range.fromDay; day <= range.toDay; day++) {
    const counts = perDayMap.get(day) ?? { shares: 0, clicks: 0 };
    totals.shares += counts.shares;
    totals.clicks += counts.clicks;
    perDay.push({ date: dayString(day), ...counts });
  }
  const perNetwork = NETWORKS.map((network: Network) => ({
    network,
    ...(perNetworkMap.get(network) ?? { shares: 0, clicks: 0 }),
  }));

  const contentIds = [...contentMap.keys()];
  const advocateIds = [...advocateMap.keys()];
  const [titles, names] = await Promise.all([
    contentIds.length ? db.selectFrom('content').select(['id', 'title']).where('id', 'in', contentIds).execute() : [],
    advocateIds.length
      ? db.selectFrom('advocates').select(['id', 'name']).where('id', 'in', advocateIds).execute()
      : [],
  ]);
  const titleOf = new Map(titles.map((row) => [row.id, row.title]));
  const nameOf = new Map(names.map((row) => [row.id, row.name]));

  const perContent = ranked(
    [...contentMap].map(([id, counts]) => ({ id, label: titleOf.get(id) ?? '(deleted content)', ...counts })),
    top,
  ).map(({ id, label, shares, clicks }) => ({ contentId: id, title: label, shares, clicks }));
  const perAdvocate = ranked(
    [...advocateMap].map(([id, counts]) => ({ id, label: nameOf.get(id) ?? '(removed advocate)', ...counts })),
    top,
  ).map(({ id, label, shares, clicks }) => ({ advocateId: id, name: label, shares, clicks }));

  return {
    from: dayString(range.fromDay),
    to: dayString(range.toDay),
    totals: { ...totals, activeInstalls: Number(installs.active ?? 0), advocates: Number(installs.advocates) },
    perDay,
    perNetwork,
    perContent,
    perAdvocate,
  };
}

/** Cells that spreadsheet programs would run as formulas get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Rows as CSV text, CRLF line ends (RFC 4180), header first. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
