/** The analytics range in UTC days, and the per-day series for the chart (a point for every day of the range). */
import type { Series } from '../../components/TrendChart';
import type { Analytics } from '../../types';

export const DAY = 86_400_000;

export const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The last `days` UTC days, today included: the days the server counts in. */
export function defaultRange(days = 30): { from: string; to: string } {
  const today = Math.floor(Date.now() / DAY) * DAY;
  return { from: utcDay(today - (days - 1) * DAY), to: utcDay(today) };
}

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && utcDay(Date.parse(`${value}T00:00:00Z`) || 0) === value;
}

/** One point per UTC day of the range, zero where the server listed none. */
export function seriesFor(perDay: Analytics['perDay'], from: string, to: string): Series {
  const byDay = new Map(perDay.map((point) => [point.date, point]));
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const days: number[] = [];
  const shares: number[] = [];
  const clicks: number[] = [];
  if (Number.isFinite(start) && Number.isFinite(end) && end >= start && (end - start) / DAY <= 3660) {
    for (let time = start; time <= end; time += DAY) {
      const point = byDay.get(utcDay(time));
      days.push(time / 1000);
      shares.push(point?.shares ?? 0);
      clicks.push(point?.clicks ?? 0);
    }
  }
  // Days the server counted outside the range we asked for (time zones): kept, in order.
  for (const point of perDay) {
    const time = Date.parse(`${point.date}T00:00:00Z`) / 1000;
    if (Number.isFinite(time) && !days.includes(time)) {
      const at = days.findIndex((day) => day > time);
      const index = at === -1 ? days.length : at;
      days.splice(index, 0, time);
      shares.splice(index, 0, point.shares);
      clicks.splice(index, 0, point.clicks);
    }
  }
  return { days, shares, clicks };
}

export function rate(clicks: number, shares: number): string {
  return shares > 0 ? (clicks / shares).toLocaleString(undefined, { maximumFractionDigits: 1 }) : '—';
}
