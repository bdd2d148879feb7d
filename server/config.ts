/**
 * The server's configuration, read from the environment only. Every variable is listed in the
 * README; a bad value stops start-up with a message naming the variable.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrustProxy, type TrustProxy } from './middleware/client-address';
import { parseVersion } from './middleware/client-version';
import { ROLES, roleSchema, type Role } from '../lib/roles';

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
  /** RELAY_SMTP_URL (smtp://user:pass@host:587, smtps://…): with RELAY_MAIL_FROM, approval notifications by e-mail. */
  smtpUrl?: string;
  /** RELAY_MAIL_FROM: the sender of those e-mails. */
  mailFrom?: string;
  utmMedium: string;
  bodyLimitBytes: number;
  sessionTtlMs: number;
  /** An advocate token unused for this long expires (401 token-expired); RELAY_TOKEN_IDLE_DAYS. */
  tokenIdleMs: number;
  /** RELAY_TRUST_PROXY: 0/false (no proxy), a hop count (true: one), or trusted proxy addresses and CIDRs. */
  trustProxy: TrustProxy;
  /** Sign-in and enrolment limits count failed attempts; successes are not counted (README, Rate limits). */
  rateLimits: {
    /** Failed admin sign-ins per client address and account. */
    session: RateLimit;
    /** Failed admin sign-ins per account, from any address. */
    sessionAccount: RateLimit;
    /** Failed admin sign-ins per client address, to any account. */
    sessionAddress: RateLimit;
    /** Failed enrolments (unknown, expired, revoked or used-up codes) per client address. */
    enroll: RateLimit;
    /** Every enrolment per client address: a generous ceiling, far above an office enrolling at once. */
    enrollTotal: RateLimit;
    /** Requests per advocate token. */
    token: RateLimit;
    /** Requests per SCIM provisioning token. */
    scim: RateLimit;
  };
  /** Counted clicks per client address per tracked link per hour (more are redirected, not counted). */
  clicksPerAddressHour: number;
  /** Limits of the HTTP server itself (server.ts). */
  http: {
    /** Open connections (WebSockets included); more are closed at once. */
    maxConnections: number;
    /** Time to receive a request's headers. */
    headersTimeoutMs: number;
    /** Time to receive a whole request, headers and body. */
    requestTimeoutMs: number;
  };
  /** How long in-flight requests may take to finish after SIGTERM. */
  shutdownGraceMs: number;
  stream: {
    /** A stream that sends no ping for this long is closed. */
    idleMs: number;
    maxPerToken: number;
    /** A client with more unsent bytes than this is dropped. */
    maxBufferedBytes: number;
    /** Connections whose sync answers a publish makes together (default 2,500; tests use fewer). */
    answerBatch?: number;
  };
  database: {
    /** PostgreSQL: opening a connection may take this long. */
    connectTimeoutMs: number;
    /** PostgreSQL: a statement may run this long (statement_timeout). */
    statementTimeoutMs: number;
  };
  /** Clicks (and shares taken during an outage) waiting for the database. */
  spool: {
    /** Folder they are written to; null keeps them in memory only. */
    dir: string | null;
    /** Items kept in memory at most, per queue; later ones wait on disk only. */
    memoryItems: number;
    /** Bytes on disk at most, per queue. */
    maxBytes: number;
    /** Waiting clicks are written to the database at least this often. */
    flushMs: number;
    /** Points from counted clicks are recomputed at most this often (0: after every flush). */
    rescoreMs: number;
  };
  /** Where the built admin console is (console/dist); not configurable by the environment. */
  consoleDir: string;
  /** RELAY_CONSOLE_DEV_ORIGIN: the Vite dev server's origin, allowed CORS with credentials on admin endpoints. */
  consoleDevOrigin?: string;
  /** RELAY_MIN_CLIENT_VERSION: the oldest extension advocate endpoints serve (older: 426); undefined: any. */
  minClientVersion?: string;
  /** Sign-in with the company's identity provider (OpenID Connect); undefined when RELAY_OIDC_ISSUER is unset. */
  sso?: SsoConfig;
  /** RELAY_PASSWORD_SIGNIN: admins may sign in with an email and password (off: the identity provider only). */
  passwordSignIn: boolean;
  /** RELAY_INVITES: advocates may enrol with invite codes (off: only with their work account). */
  invites: boolean;
  /** RELAY_AUDIT_RETENTION_DAYS: how long audit entries are kept until the owner sets it (default 2190, 6 years). */
  auditRetentionDays?: number;
}

/** RELAY_OIDC_*: the identity provider, and which of its claims say who someone is. */
export interface SsoConfig {
  /** RELAY_OIDC_ISSUER: pinned; discovery must answer with exactly this issuer. */
  issuer: string;
  /** RELAY_OIDC_CLIENT_ID and RELAY_OIDC_CLIENT_SECRET (unset: a public client, PKCE only). */
  clientId: string;
  clientSecret?: string;
  /** RELAY_OIDC_SCOPES, space-separated; default "openid profile email". */
  scopes: string;
  /** Claims read from the ID token and the userinfo answer. */
  claims: {
    /** RELAY_OIDC_NAME_CLAIM, default "name". */
    name: string;
    /** RELAY_OIDC_EMAIL_CLAIM, default "email" (Entra ID: "preferred_username" or "email"). */
    email: string;
    /** RELAY_OIDC_GROUPS_CLAIM, default "groups": an array of group names or ids. */
    groups: string;
    /** RELAY_OIDC_TEAM_CLAIM: the advocate's team (e.g. "department"); unset: none. */
    team?: string;
  };
  /** RELAY_OIDC_ADMIN_GROUP: a value of the groups claim that makes someone an admin; unset: nobody is, by SSO. */
  adminGroup?: string;
  /**
   * RELAY_OIDC_ROLE_GROUPS, "owner=relay-owners, editor=relay-editors, …": the group that gives each
   * role to an admin the first sign-in creates (members are admins too, as RELAY_OIDC_ADMIN_GROUP's).
   */
  roleGroups?: Partial<Record<Role, string>>;
  /**
   * RELAY_EXTENSION_IDS: the extension ids (Chrome and Edge ids, the Firefox add-on id) whose sign-in
   * redirect is accepted; empty: any extension's, allowed only when RELAY_PUBLIC_URL is a loopback
   * URL (development, tests; the server logs a note at start-up).
   */
  extensionIds: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** The built console, console/dist. */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../console/dist', import.meta.url));

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

/** A version such as 1.4 or 1.10.2 (1 to 4 whole numbers), or undefined when unset. */
function version(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!parseVersion(raw)) {
    throw new ConfigError(
      `${name} must be a version of 1 to 4 dot-separated whole numbers, such as 1.4 or 1.10.2 (got ${JSON.stringify(env[name])})`,
    );
  }
  return raw;
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

function trustProxy(env: Env, name: string): TrustProxy {
  try {
    return parseTrustProxy(env[name] ?? '');
  } catch (error) {
    throw new ConfigError(
      `${name} must be false, true, a hop count or a comma-separated list of proxy addresses and CIDRs: ` +
        `${(error as Error).message} (got ${JSON.stringify(env[name])})`,
    );
  }
}

/** RELAY_SPOOL_DIR, else a `spool` folder beside the SQLite file, or data/spool with PostgreSQL. */
function spoolDir(env: Env, databaseUrl: string): string | null {
  const raw = env.RELAY_SPOOL_DIR;
  if (raw === 'none') return null;
  if (raw) return raw;
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    return path === ':memory:' || path === '' ? null : join(dirname(path), 'spool');
  }
  return 'data/spool';
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off (got ${JSON.stringify(env[name])})`);
}

/** A claim name: letters, digits and the punctuation claim names use (URIs included). */
function claim(env: Env, name: string, fallback?: string): string | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^[\w.:/#-]{1,200}$/.test(raw))
    throw new ConfigError(`${name} must be a claim name (got ${JSON.stringify(raw)})`);
  return raw;
}

/** localhost, 127.x.x.x or [::1]: a host only this machine reaches. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Without RELAY_EXTENSION_IDS any installed extension could run the sign-in with its own redirect
 * (silently, with prompt=none) and get its user's Relay token: allowed only on loopback.
 */
function requireExtensionIds(sso: SsoConfig | undefined, publicUrl: string, host: string): void {
  if (!sso || sso.extensionIds.length > 0) return;
  // An empty publicUrl (PORT=0) is filled in with http://<HOST>:<port> once listening.
  const hostname = publicUrl === '' ? host : new URL(publicUrl).hostname;
  if (isLoopbackHost(hostname)) return;
  throw new ConfigError(
    'RELAY_EXTENSION_IDS is required with single sign-on (RELAY_OIDC_ISSUER) when RELAY_PUBLIC_URL is not a ' +
      'loopback address: without it any browser extension could sign its user in and take their Relay token. ' +
      'Set it to your Relay extension’s ids, comma-separated: the Chrome Web Store id, the Edge Add-ons id, ' +
      'and the Firefox add-on id (e.g. abcdefghijklmnopabcdefghijklmnop,relay@relay.invalid).',
  );
}

function ssoConfig(env: Env): SsoConfig | undefined {
  const issuer = env.RELAY_OIDC_ISSUER?.trim();
  const clientId = env.RELAY_OIDC_CLIENT_ID?.trim();
  if (!issuer) {
    if (clientId) throw new ConfigError('RELAY_OIDC_CLIENT_ID is set without RELAY_OIDC_ISSUER');
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(issuer);
  } catch {
    url = undefined;
  }
  const loopback = url !== undefined && isLoopbackHost(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) || url.username || url.search) {
    throw new ConfigError(
      `RELAY_OIDC_ISSUER must be the identity provider's https issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0 (got ${JSON.stringify(issuer)})`,
    );
  }
  if (!clientId) throw new ConfigError('RELAY_OIDC_ISSUER is set: set RELAY_OIDC_CLIENT_ID too');
  const extensionIds = (env.RELAY_EXTENSION_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return {
    issuer,
    clientId,
    clientSecret: env.RELAY_OIDC_CLIENT_SECRET || undefined,
    scopes: env.RELAY_OIDC_SCOPES?.trim() || 'openid profile email',
    claims: {
      name: claim(env, 'RELAY_OIDC_NAME_CLAIM', 'name')!,
      email: claim(env, 'RELAY_OIDC_EMAIL_CLAIM', 'email')!,
      groups: claim(env, 'RELAY_OIDC_GROUPS_CLAIM', 'groups')!,
      team: claim(env, 'RELAY_OIDC_TEAM_CLAIM'),
    },
    adminGroup: env.RELAY_OIDC_ADMIN_GROUP?.trim() || undefined,
    roleGroups: roleGroups(env.RELAY_OIDC_ROLE_GROUPS),
    extensionIds,
  };
}

/** "owner=relay-owners, analyst=Relay readers": a group per role, each role once. */
function roleGroups(value: string | undefined): Partial<Record<Role, string>> {
  const groups: Partial<Record<Role, string>> = {};
  for (const pair of (value ?? '').split(',').map((each) => each.trim())) {
    if (pair === '') continue;
    const [role, group] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()];
    const parsed = roleSchema.safeParse(role);
    if (!pair.includes('=') || !parsed.success || group === '' || groups[parsed.data] !== undefined) {
      throw new ConfigError(
        `RELAY_OIDC_ROLE_GROUPS: ${JSON.stringify(pair)} is not role=group (roles: ${ROLES.join(', ')}, each once)`,
      );
    }
    groups[parsed.data] = group;
  }
  return groups;
}

/** Whether single sign-on admits anyone to the console: an admin group or a role group is set. */
export function ssoAdmits(sso: Pick<SsoConfig, 'adminGroup' | 'roleGroups'>): boolean {
  return sso.adminGroup !== undefined || Object.keys(sso.roleGroups ?? {}).length > 0;
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
  const databaseUrl = env.DATABASE_URL || 'sqlite:data/relay.db';
  const headersTimeoutMs = integer(env, 'RELAY_HEADERS_TIMEOUT_MS', 10_000, 1_000, 600_000);
  const requestTimeoutMs = integer(env, 'RELAY_REQUEST_TIMEOUT_MS', 30_000, 1_000, 3_600_000);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      `RELAY_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not be longer than RELAY_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  }
  const sso = ssoConfig(env);
  requireExtensionIds(sso, publicUrl, host);
  const passwordSignIn = onOff(env, 'RELAY_PASSWORD_SIGNIN', true);
  if (!passwordSignIn && !sso) {
    throw new ConfigError('RELAY_PASSWORD_SIGNIN=off needs RELAY_OIDC_ISSUER: admins would have no way to sign in');
  }
  if (!passwordSignIn && !(sso && ssoAdmits(sso))) {
    throw new ConfigError(
      'RELAY_PASSWORD_SIGNIN=off needs RELAY_OIDC_ADMIN_GROUP (or RELAY_OIDC_ROLE_GROUPS): without it nobody signs in to the console with the identity provider',
    );
  }
  const smtpUrl = env.RELAY_SMTP_URL?.trim() || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    throw new ConfigError('RELAY_SMTP_URL must be an smtp:// or smtps:// URL');
  }
  const invites = onOff(env, 'RELAY_INVITES', true);
  if (!invites && !sso) {
    throw new ConfigError('RELAY_INVITES=off needs RELAY_OIDC_ISSUER: advocates would have no way to enrol');
  }
  return {
    port,
    host,
    databaseUrl,
    publicUrl,
    adminEmail,
    adminPassword,
    smtpUrl,
    mailFrom: env.RELAY_MAIL_FROM?.trim() || undefined,
    utmMedium: env.RELAY_UTM_MEDIUM || 'employee_advocacy',
    auditRetentionDays: integer(env, 'RELAY_AUDIT_RETENTION_DAYS', 2_190, 365, 7_300),
    bodyLimitBytes: integer(env, 'RELAY_BODY_LIMIT', 256 * 1024, 1024, 50 * 1024 * 1024),
    sessionTtlMs: integer(env, 'RELAY_SESSION_TTL_HOURS', 12, 1, 24 * 90) * 3_600_000,
    tokenIdleMs: integer(env, 'RELAY_TOKEN_IDLE_DAYS', 180, 1, 3650) * 86_400_000,
    trustProxy: trustProxy(env, 'RELAY_TRUST_PROXY'),
    rateLimits: {
      session: { limit: integer(env, 'RELAY_RATE_LIMIT_SESSION', 10, 1, 1_000_000), windowMs: 15 * minute },
      sessionAccount: {
        limit: integer(env, 'RELAY_RATE_LIMIT_SESSION_ACCOUNT', 50, 1, 1_000_000),
        windowMs: 15 * minute,
      },
      sessionAddress: {
        limit: integer(env, 'RELAY_RATE_LIMIT_SESSION_ADDRESS', 100, 1, 1_000_000),
        windowMs: 15 * minute,
      },
      enroll: { limit: integer(env, 'RELAY_RATE_LIMIT_ENROLL', 20, 1, 1_000_000), windowMs: minute },
      enrollTotal: { limit: integer(env, 'RELAY_RATE_LIMIT_ENROLL_ALL', 1_000, 1, 10_000_000), windowMs: minute },
      token: { limit: integer(env, 'RELAY_RATE_LIMIT_TOKEN', 600, 1, 10_000_000), windowMs: minute },
      scim: { limit: integer(env, 'RELAY_RATE_LIMIT_SCIM', 1_200, 1, 10_000_000), windowMs: minute },
    },
    clicksPerAddressHour: integer(env, 'RELAY_CLICKS_PER_ADDRESS', 20, 1, 1_000_000),
    http: {
      maxConnections: integer(env, 'RELAY_MAX_CONNECTIONS', 20_000, 1, 1_000_000),
      headersTimeoutMs,
      requestTimeoutMs,
    },
    shutdownGraceMs: integer(env, 'RELAY_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    stream: {
      idleMs: integer(env, 'RELAY_STREAM_IDLE_MS', 60_000, 1_000, 3_600_000),
      maxPerToken: integer(env, 'RELAY_STREAM_MAX_PER_TOKEN', 5, 1, 1_000_000),
      maxBufferedBytes: integer(env, 'RELAY_STREAM_MAX_BUFFER', 256 * 1024, 1024, 64 * 1024 * 1024),
    },
    database: {
      connectTimeoutMs: integer(env, 'RELAY_DB_CONNECT_TIMEOUT_MS', 5_000, 100, 120_000),
      statementTimeoutMs: integer(env, 'RELAY_DB_STATEMENT_TIMEOUT_MS', 30_000, 100, 3_600_000),
    },
    spool: {
      dir: spoolDir(env, databaseUrl),
      memoryItems: integer(env, 'RELAY_SPOOL_MEMORY', 100_000, 100, 10_000_000),
      maxBytes: integer(env, 'RELAY_SPOOL_MAX_MB', 1024, 1, 1_000_000) * 1024 * 1024,
      flushMs: integer(env, 'RELAY_CLICK_FLUSH_MS', 1_000, 10, 600_000),
      rescoreMs: integer(env, 'RELAY_CLICK_RESCORE_MS', 5_000, 0, 600_000),
    },
    consoleDir: DEFAULT_CONSOLE_DIR,
    consoleDevOrigin: origin(env, 'RELAY_CONSOLE_DEV_ORIGIN'),
    minClientVersion: version(env, 'RELAY_MIN_CLIENT_VERSION'),
    sso,
    passwordSignIn,
    invites,
  };
}
