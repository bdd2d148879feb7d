/** Date.parse for the ISO times the extension logs, without allocating: the local log is scored on every change. */

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The decimal digit at `i`, or NaN. */
function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

/**
 * Date.parse for ISO times, fast for the form the extension logs (`Date.prototype.toISOString`:
 * `2026-02-03T04:05:06.789Z`): read digit by digit, no allocation. Anything else, or anything out
 * of range, goes to Date.parse, so the result is always Date.parse's.
 */
export function isoMillis(time: string): number {
  if (time.length !== 24 || time.charCodeAt(23) !== 90 || time.charCodeAt(10) !== 84) return Date.parse(time);
  if (
    time.charCodeAt(4) !== 45 ||
    time.charCodeAt(7) !== 45 ||
    time.charCodeAt(13) !== 58 ||
    time.charCodeAt(16) !== 58 ||
    time.charCodeAt(19) !== 46
  ) {
    return Date.parse(time);
  }
  let year = digitAt(time, 0) * 1000 + digitAt(time, 1) * 100 + digitAt(time, 2) * 10 + digitAt(time, 3);
  const month = digitAt(time, 5) * 10 + digitAt(time, 6);
  const day = digitAt(time, 8) * 10 + digitAt(time, 9);
  const hour = digitAt(time, 11) * 10 + digitAt(time, 12);
  const minute = digitAt(time, 14) * 10 + digitAt(time, 15);
  const second = digitAt(time, 17) * 10 + digitAt(time, 18);
  const ms = digitAt(time, 20) * 100 + digitAt(time, 21) * 10 + digitAt(time, 22);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (
    !(month >= 1 && month <= 12) ||
    !(day >= 1 && day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!)) ||
    !(hour <= 23 && minute <= 59 && second <= 59 && ms >= 0)
  ) {
    return Date.parse(time);
  }
  // Days since the epoch from the civil date (H. Hinnant's algorithm), then the time of day.
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}
