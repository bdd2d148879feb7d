/**
 * The server's configuration, read from the environment only. Every variable is listed in the
 * README; a bad value stops start-up with a message naming the variable.
 */
import { fileURLToPath } from 'node:url';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** Base URL advocates' tracked links point at (`<publicUrl>/r/<code>`). */
  publicUrl: string;
  adminEmail?: string;
  adminPassword?: string;
  utmMedium: string;
  bodyLimitBytes: number;
  sessionTtlMs: number;
  /** An advocate token unused for this long expires (401 token-expired); RELAY_TOKEN_IDLE_DAYS. */
  tokenIdleMs: number;
  trustProxy: boolean;
  rateLimits: { session: RateLimit; enroll: RateLimit; token: RateLimit };
  /** How long in-flight requests may take to finish after SIGTERM. */
  shutdownGraceMs: number;
  stream: {
    /** A stream that sends no ping for this long is closed. */
    idleMs: number;
    maxPerToken: number;
    /** A client with more unsent bytes than this is dropped. */
    maxBufferedBytes: number;
  };
  /** Where the built admin console is (server/admin/dist); not configurable by the environment. */
  consoleDir: string;
  /** RELAY_CONSOLE_DEV_ORIGIN: the Vite dev server's origin, allowed CORS with credentials on admin endpoints. */
  consoleDevOrigin?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** The built console, next to this file: server/admin/dist. */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('./admin/dist', import.meta.url));

/** An origin and nothing more: scheme, host and optional port, no path. */
function origin(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const match = /^https?:\/\/[^/?#\s]+\/?$/i.test(raw) ? new URL(raw) : undefined;
  if (!match || match.username || match.password) {
    throw new ConfigError(`${name} must be an origin such as http://localhost:5173 (got ${JSON.stringify(raw)})`);
  }
  return match.origin;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got ${JSON.stringify(env[name])})`);
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 8787, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  // With PORT=0 the port is only known once listening: an empty publicUrl is filled in then.
  const derived = port === 0 ? '' : `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const publicUrl = (env.RELAY_PUBLIC_URL || derived).replace(/\/+$/, '');
  if (publicUrl !== '' && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new ConfigError(`RELAY_PUBLIC_URL must be an http(s) URL (got ${JSON.stringify(env.RELAY_PUBLIC_URL)})`);
  }
  const adminEmail = env.RELAY_ADMIN_EMAIL || undefined;
  const adminPassword = env.RELAY_ADMIN_PASSWORD || undefined;
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError('set RELAY_ADMIN_EMAIL and RELAY_ADMIN_PASSWORD together, or neither');
  }
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('RELAY_ADMIN_PASSWORD must be at least 8 characters');
  }
  const minute = 60_000;
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || 'sqlite:data/relay.db',
    publicUrl,
    adminEmail,
    adminPassword,
    utmMedium: env.RELAY_UTM_MEDIUM || 'employee_advocacy',
    bodyLimitBytes: integer(env, 'RELAY_BODY_LIMIT', 256 * 1024, 1024, 50 * 1024 * 1024),
    sessionTtlMs: integer(env, 'RELAY_SESSION_TTL_HOURS', 12, 1, 24 * 90) * 3_600_000,
    tokenIdleMs: integer(env, 'RELAY_TOKEN_IDLE_DAYS', 180, 1, 3650) * 86_400_000,
    trustProxy: flag(env, 'RELAY_TRUST_PROXY', false),
    rateLimits: {
      session: { limit: integer(env, 'RELAY_RATE_LIMIT_SESSION', 10, 1, 1_000_000), windowMs: minute },
      enroll: { limit: integer(env, 'RELAY_RATE_LIMIT_ENROLL', 20, 1, 1_000_000), windowMs: minute },
      token: { limit: integer(env, 'RELAY_RATE_LIMIT_TOKEN', 600, 1, 10_000_000), windowMs: minute },
    },
    shutdownGraceMs: integer(env, 'RELAY_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    stream: {
      idleMs: integer(env, 'RELAY_STREAM_IDLE_MS', 60_000, 1_000, 3_600_000),
      maxPerToken: integer(env, 'RELAY_STREAM_MAX_PER_TOKEN', 5, 1, 1_000_000),
      maxBufferedBytes: integer(env, 'RELAY_STREAM_MAX_BUFFER', 256 * 1024, 1024, 64 * 1024 * 1024),
    },
    consoleDir: DEFAULT_CONSOLE_DIR,
    consoleDevOrigin: origin(env, 'RELAY_CONSOLE_DEV_ORIGIN'),
  };
}
