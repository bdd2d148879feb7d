/**
 * Tracked-link codes: the minute the link was made (6 base-36 characters, so codes made later sort
 * after earlier ones under any collation) and 8 random base-62 characters (48 bits) that keep each
 * code unguessable. The leading minute keeps a publish's thousands of new links together in the
 * links index instead of scattered across it, which made writing them several times slower.
 */
import { randomString } from '../crypto';

const RANDOM_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MINUTE_MS = 60_000;
const MINUTE_DIGITS = 6;

/** The code for a link made at `now` (epoch ms): 14 characters of [0-9A-Za-z]. */
export function newLinkCode(now: number): string {
  const minute = Math.max(0, Math.floor(now / MINUTE_MS))
    .toString(36)
    .padStart(MINUTE_DIGITS, '0')
    .slice(-MINUTE_DIGITS);
  return minute + randomString(8, RANDOM_ALPHABET);
}
