/** Quick choices for a time field ("Tomorrow 9:00", "In 1 week") and the zone's name with its offset. */
import { isoToLocal, zoneName } from './time';

export interface TimeChoice {
  label: string;
  /** The datetime-local value it sets. */
  value: string;
}

/** "UTC+1", "UTC−3:30", "UTC" for the offset of this browser's zone at `at`. */
export function utcOffset(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** "Europe/Paris (UTC+1)"; "UTC" alone for UTC. */
export function zoneLabel(at: Date = new Date()): string {
  const zone = zoneName();
  const offset = utcOffset(at);
  return zone === 'UTC' || zone === 'Etc/UTC' ? 'UTC' : `${zone} (${offset})`;
}

function atHour(day: Date, hour: number): Date {
  const date = new Date(day);
  date.setHours(hour, 0, 0, 0);
  return date;
}

function addDays(day: Date, days: number): Date {
  const date = new Date(day);
  date.setDate(date.getDate() + days);
  return date;
}

/** When to publish: tomorrow morning, next Monday morning. */
export function publishChoices(now: Date): TimeChoice[] {
  const monday = addDays(now, (8 - now.getDay()) % 7 || 7);
  return [
    { label: 'Tomorrow 9:00', value: isoToLocal(atHour(addDays(now, 1), 9).toISOString()) },
    { label: 'Monday 9:00', value: isoToLocal(atHour(monday, 9).toISOString()) },
  ];
}

/** When it expires: a week or a month after it goes live (or now), at the end of the working day. */
export function expiryChoices(now: Date, from: Date | null): TimeChoice[] {
  const start = from && from > now ? from : now;
  return [
    { label: 'In 1 week', value: isoToLocal(atHour(addDays(start, 7), 18).toISOString()) },
    { label: 'In 30 days', value: isoToLocal(atHour(addDays(start, 30), 18).toISOString()) },
  ];
}
