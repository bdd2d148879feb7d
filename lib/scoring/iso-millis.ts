/** Date.parse for the ISO times the extension logs, without allocating: the local log is scored on every change. */

/** Days from 1 March to the 1st of each month (index: month 1 … 12), in a year that starts in March. */
const MARCH_DAYS = [0, 306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275];

/** Days in a month (1 … 12) of a year. */
function daysIn(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * Date.parse for ISO times, fast for the form the extension logs (`Date.prototype.toISOString`:
 * `2026-02-03T04:05:06.789Z`): each character read once and checked (a digit within its field's
 * range, or the separator), no call, no allocation. Anything else, or anything out of range, goes
 * to Date.parse, so the result is always Date.parse's.
 */
export function isoMillis(time: string): number {
  if (time.length !== 24) return Date.parse(time);
  // Each digit less 48 ('0'); `>>> 0` makes a character below '0' a large number, so one test each.
  const y0 = time.charCodeAt(0) - 48;
  const y1 = time.charCodeAt(1) - 48;
  const y2 = time.charCodeAt(2) - 48;
  const y3 = time.charCodeAt(3) - 48;
  const mo0 = time.charCodeAt(5) - 48;
  const mo1 = time.charCodeAt(6) - 48;
  const d0 = time.charCodeAt(8) - 48;
  const d1 = time.charCodeAt(9) - 48;
  const h0 = time.charCodeAt(11) - 48;
  const h1 = time.charCodeAt(12) - 48;
  const mi0 = time.charCodeAt(14) - 48;
  const mi1 = time.charCodeAt(15) - 48;
  const s0 = time.charCodeAt(17) - 48;
  const s1 = time.charCodeAt(18) - 48;
  const f0 = time.charCodeAt(20) - 48;
  const f1 = time.charCodeAt(21) - 48;
  const f2 = time.charCodeAt(22) - 48;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  const hour = h0 * 10 + h1;
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    time.charCodeAt(4) !== 45 ||
    mo0 >>> 0 > 1 ||
    mo1 >>> 0 > 9 ||
    time.charCodeAt(7) !== 45 ||
    d0 >>> 0 > 3 ||
    d1 >>> 0 > 9 ||
    time.charCodeAt(10) !== 84 ||
    h0 >>> 0 > 2 ||
    h1 >>> 0 > 9 ||
    time.charCodeAt(13) !== 58 ||
    mi0 >>> 0 > 5 ||
    mi1 >>> 0 > 9 ||
    time.charCodeAt(16) !== 58 ||
    s0 >>> 0 > 5 ||
    s1 >>> 0 > 9 ||
    time.charCodeAt(19) !== 46 ||
    f0 >>> 0 > 9 ||
    f1 >>> 0 > 9 ||
    f2 >>> 0 > 9 ||
    time.charCodeAt(23) !== 90 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour > 23 ||
    (day > 28 && day > daysIn(year, month))
  ) {
    return Date.parse(time);
  }
  // Days since the epoch from the civil date (H. Hinnant's algorithm): a year from March, moved on
  // 400 years (146,097 days) so every division is of a positive number.
  const y = (month <= 2 ? year - 1 : year) + 400;
  const days = y * 365 + (y >> 2) - ((y / 100) | 0) + ((y / 400) | 0) + MARCH_DAYS[month]! + day - 865_566;
  return days * 86_400_000 + (hour * 60 + mi0 * 10 + mi1) * 60_000 + (s0 * 10 + s1) * 1000 + f0 * 100 + f1 * 10 + f2;
}
