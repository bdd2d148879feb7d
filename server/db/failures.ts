/** Which database errors mean "unavailable for now" (answer 503 and retry) rather than a bug or bad data. */

/** Thrown instead of waiting on a database that is known to be unreachable. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  constructor(message = 'the database is unreachable') {
    super(message);
  }
}

/**
 * - `unreachable`: the connection failed, was cut or timed out; nothing answers.
 * - `storage`: the database answers but cannot write (disk full, I/O error, read-only).
 * - `busy`: a lock, a statement timeout or every pooled connection in use; worth retrying, but the
 *   database is up.
 */
export type FailureKind = 'unreachable' | 'storage' | 'busy';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres reports its own timeouts and broken clients with messages only. */
const PG_CLIENT_MESSAGES =
  /Connection terminated|Query read timeout|not queryable|Connection ended|Client was closed|connection timeout/i;
/**
 * pg-pool's word for a caller that waited its whole connect timeout for one of the pool's
 * connections, all of them in use (opening a new connection that times out says "Connection
 * terminated due to connection timeout"). The database is answering, only slower than the callers
 * arrive (a herd of syncs); a database that stopped answering is found by the monitor
 * (db/pg-monitor.ts) and the query timeout. Taking it for unreachable cut every connection and
 * answered 503 to everyone.
 */
const PG_POOL_FULL = /^timeout exceeded when trying to connect$/;

function sqlstateKind(code: string): FailureKind | null {
  // Class 08: connection exception. 57P01-57P03: the server is shutting down or starting.
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return 'unreachable';
  // 53300 too many connections: the server is there but takes no one new.
  if (code === '53300') return 'unreachable';
  // 53100 disk full, 53200 out of memory, 58030 I/O error, 25006 read-only transaction.
  if (code === '53100' || code === '53200' || code === '58030' || code === '25006') return 'storage';
  // 57014 statement timeout or cancel, 40001 serialization failure, 40P01 deadlock, 55P03 lock not available.
  if (code === '57014' || code === '40001' || code === '40P01' || code === '55P03') return 'busy';
  return null;
}

function sqliteKind(code: string): FailureKind | null {
  if (
    code === 'SQLITE_FULL' ||
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_NOMEM'
  ) {
    return 'storage';
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return null;
}

/** The kind of a database failure, or null when the error is not one the database would heal from. */
export function failureKind(error: unknown): FailureKind | null {
  if (error instanceof DatabaseUnavailableError) return 'unreachable';
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return 'unreachable';
    if (code.startsWith('SQLITE_')) return sqliteKind(code);
    if (/^[0-9A-Z]{5}$/.test(code)) {
      const kind = sqlstateKind(code);
      if (kind) return kind;
    }
  }
  if (PG_POOL_FULL.test(error.message)) return 'busy';
  if (PG_CLIENT_MESSAGES.test(error.message)) return 'unreachable';
  // AggregateError (happy eyeballs) and errors wrapping a cause.
  const nested = (error as { errors?: unknown[]; cause?: unknown }).errors?.[0] ?? (error as { cause?: unknown }).cause;
  return nested && nested !== error ? failureKind(nested) : null;
}

/**
 * Errors that say the data itself is wrong (a constraint, a value out of range), so writing the
 * same rows again can never succeed. Anything else is retried: an unknown error must not cost data.
 */
export function isDataError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  // PostgreSQL class 22 (data exception) and 23 (integrity constraint violation).
  if (/^2[23][0-9A-Z]{3}$/.test(code)) return true;
  return /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code);
}
