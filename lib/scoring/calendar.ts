/** ISO weeks and UTC months: the periods points belong to. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** ISO weeks since the epoch's week (Monday 1969-12-29): consecutive weeks are consecutive numbers. */
export function isoWeekIndex(ms: number): number {
  return Math.floor((Math.floor(ms / DAY_MS) + 3) / 7);
}

/** The ISO week of a UTC day (days since the epoch). */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** The Monday 00:00 UTC a week index starts at. */
export function isoWeekStart(week: number): number {
  return (week * 7 - 3) * DAY_MS;
}

/** "2026-W05": the ISO 8601 week (UTC) of a week index. */
export function isoWeekLabel(week: number): string {
  const thursday = week * 7; // days since the epoch: Monday is week*7-3, Thursday three days on
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const number = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(number).padStart(2, '0')}`;
}

export function isoWeekKey(ms: number): string {
  return isoWeekLabel(isoWeekIndex(ms));
}

/** "2026-02": the UTC month of a moment. */
export function monthKey(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function monthStart(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

export interface WeekPoints {
  /** "2026-W05" */
  week: string;
  /** Monday 00:00 UTC, ISO. */
  startsAt: string;
  points: number;
}

/** The last `count` ISO weeks up to the one holding `now`, oldest first, with their points. */
export function recentWeeks(weeks: Readonly<Record<string, number>>, now: number, count: number): WeekPoints[] {
  const thisWeek = isoWeekIndex(now);
  return Array.from({ length: count }, (_, i) => {
    const week = thisWeek - (count - 1) + i;
    const label = isoWeekLabel(week);
    return { week: label, startsAt: new Date(isoWeekStart(week)).toISOString(), points: weeks[label] ?? 0 };
  });
}
