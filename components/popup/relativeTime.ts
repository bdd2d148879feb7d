/** "just now", "5 minutes ago", "vor 3 Tagen": a time relative to now, in the browser's language. */
import { t, uiLanguage } from '../shared/i18n';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

function formatFor(language: string): Intl.RelativeTimeFormat {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })));
  return format;
}

/** Less than this far from now reads "just now" (`isJustNow`). */
const JUST_NOW_SECONDS = 45;

export function isJustNow(iso: string, now: number): boolean {
  const then = Date.parse(iso);
  return !Number.isNaN(then) && Math.abs(then - now) / 1000 < JUST_NOW_SECONDS;
}

export function relativeTime(iso: string, now: number): string | null {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  const seconds = (then - now) / 1000;
  if (Math.abs(seconds) < JUST_NOW_SECONDS) return t('time_just_now');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'minute')
      return formatFor(uiLanguage()).format(Math.round(seconds / size), unit);
  }
  return null;
}
