/**
 * Sync cursors: opaque to clients, they hold the change number and the time the client's copy is
 * from. A delta is every row changed after that number plus every item whose schedule or expiry
 * passed after that time.
 */
import { ProblemError } from '../problem';

export interface Cursor {
  seq: number;
  time: number;
  /** The client's links were direct UTM links (click tracking off) when it got this cursor. */
  direct?: boolean;
  /** A short hash of the advocate's language when the client got this cursor (its items were in it). */
  language?: string;
  /** The fingerprint of the advocate's audience (lib/audiences.ts) when they got this cursor. */
  audience?: string;
}

/** The cursor's mark of a language: 6 base-36 characters of an FNV-1a hash, so cursors stay short. */
export function languageMark(language: string | null): string | undefined {
  if (!language) return undefined;
  let hash = 0x811c9dc5;
  for (const char of language.toLowerCase()) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-6);
}

const PREFIX = 'c1.';

export function encodeCursor(cursor: Cursor): string {
  const audience = cursor.audience ? `.a${cursor.audience}` : '';
  const language = cursor.language ? `.l${cursor.language}` : '';
  return `${PREFIX}${cursor.seq.toString(36)}.${cursor.time.toString(36)}${cursor.direct ? '.d' : ''}${audience}${language}`;
}

function badCursor(detail: string): ProblemError {
  return new ProblemError(400, `${detail} Sync again without a cursor to get a full snapshot.`, {
    type: 'bad-cursor',
    title: 'Invalid cursor',
    errors: [{ path: 'cursor', message: detail }],
  });
}

/** Parses a cursor, refusing garbage and cursors from the future (another server, a wiped database). */
export function decodeCursor(text: string, current: { seq: number; now: number }): Cursor {
  const match = /^c1\.([0-9a-z]{1,11})\.([0-9a-z]{1,11})(\.d)?(?:\.a([0-9a-z]{1,8}))?(?:\.l([0-9a-z]{6}))?$/.exec(text);
  if (!match) throw badCursor('The cursor is not one this server issued.');
  const cursor: Cursor = { seq: parseInt(match[1]!, 36), time: parseInt(match[2]!, 36) };
  if (match[3]) cursor.direct = true;
  if (match[4]) cursor.audience = match[4];
  if (match[5]) cursor.language = match[5];
  if (!Number.isSafeInteger(cursor.seq) || !Number.isSafeInteger(cursor.time)) {
    throw badCursor('The cursor is not one this server issued.');
  }
  if (cursor.seq > current.seq || cursor.time > current.now + CLOCK_SKEW_MS) {
    throw badCursor('The cursor is ahead of this server.');
  }
  return cursor;
}

/** Tolerated clock difference between API instances; delta windows overlap by this much. */
export const CLOCK_SKEW_MS = 5 * 60_000;
export { PREFIX as CURSOR_PREFIX };
