/**
 * The real API on a loopback port, on a fresh database (SQLite or PostgreSQL, see database.ts),
 * with helpers to sign in, enrol and call it over HTTP like any client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../lib/roles';
import { addAdmin } from '../../server/admins';
import { loadConfig, type Config } from '../../server/config';
import { startServer, type RunningServer, type StartOptions } from '../../server/server';
import { freshDatabase, type TestDatabase } from './database';

export const ADMIN_EMAIL = 'admin@relay.test';
export const ADMIN_PASSWORD = 'correct horse battery';

export interface TestServer extends RunningServer {
  database_: TestDatabase;
  /** The server's clock: real time plus an offset that `advance` grows (timers still run in real time). */
  clock: { readonly now: number; advance(ms: number): void };
  /** fetch against the server; `json` bodies are sent as application/json. */
  call(path: string, init?: RequestInit & { json?: unknown; token?: string }): Promise<Response>;
  adminToken(): Promise<string>;
  /** A new admin with this role (lib/roles.ts), signed in: their session token, id and email. */
  adminAs(role: Role, email?: string): Promise<{ token: string; id: string; email: string }>;
  /** Creates an invite and enrols an advocate; returns the advocate token. */
  enroll(name?: string): Promise<{ token: string; id: string }>;
  stop(): Promise<void>;
}

export async function startTestServer(
  overrides: Partial<Config> = {},
  options: Omit<StartOptions, 'now'> = {},
): Promise<TestServer> {
  // A given databaseUrl is shared with another test server (e.g. two instances on one PostgreSQL).
  const database: TestDatabase = overrides.databaseUrl
    ? {
        kind: overrides.databaseUrl.startsWith('sqlite') ? 'sqlite' : 'postgres',
        url: overrides.databaseUrl,
        dispose: async () => {},
      }
    : await freshDatabase();
  const base = loadConfig({});
  // Each server's spool (clicks waiting for the database) in a folder of its own, removed at stop().
  const spoolDir = mkdtempSync(join(tmpdir(), 'relay-spool-'));
  const config: Config = {
    ...base,
    port: 0,
    host: '127.0.0.1',
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    publicUrl: 'http://relay.test',
    rateLimits: {
      session: { limit: 1000, windowMs: 60_000 },
      sessionAccount: { limit: 1000, windowMs: 60_000 },
      sessionAddress: { limit: 1000, windowMs: 60_000 },
      enroll: { limit: 1000, windowMs: 60_000 },
      enrollTotal: { limit: 10_000, windowMs: 60_000 },
      token: { limit: 100_000, windowMs: 60_000 },
      scim: { limit: 100_000, windowMs: 60_000 },
    },
    shutdownGraceMs: 5_000,
    // Points follow each click flush at once, so a test need not wait out the interval.
    spool: { ...base.spool, dir: spoolDir, rescoreMs: 0 },
    ...overrides,
    databaseUrl: database.url,
  };
  let offset = 0;
  const clock = {
    get now() {
      return Date.now() + offset;
    },
    advance(ms: number) {
      offset += ms;
    },
  };
  let running: RunningServer;
  try {
    running = await startServer(config, { ...options, now: () => clock.now });
  } catch (error) {
    await database.dispose();
    rmSync(spoolDir, { recursive: true, force: true });
    throw error;
  }
  let cachedAdminToken: string | undefined;

  const call: TestServer['call'] = (path, init = {}) => {
    const { json, token, headers, ...rest } = init;
    const merged = new Headers(headers);
    if (json !== undefined) merged.set('content-type', 'application/json');
    if (token) merged.set('authorization', `Bearer ${token}`);
    return fetch(running.url + path, {
      ...rest,
      headers: merged,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      redirect: 'manual',
    });
  };

  const adminToken = async () => {
    if (cachedAdminToken) return cachedAdminToken;
    const response = await call('/v1/admin/session', {
      method: 'POST',
      json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    if (response.status !== 200) throw new Error(`admin sign-in failed: ${response.status} ${await response.text()}`);
    cachedAdminToken = ((await response.json()) as { token: string }).token;
    return cachedAdminToken;
  };

  let admins = 0;
  const adminAs: TestServer['adminAs'] = async (role, email = `${role}-${++admins}@relay.test`) => {
    const admin = await addAdmin(running.deps.db, email, ADMIN_PASSWORD, clock.now, role);
    const response = await call('/v1/admin/session', { method: 'POST', json: { email, password: ADMIN_PASSWORD } });
    if (response.status !== 200) throw new Error(`${role} sign-in failed: ${response.status} ${await response.text()}`);
    return { token: ((await response.json()) as { token: string }).token, id: admin.id, email: admin.email };
  };

  const enroll = async (name = 'Ada Advocate') => {
    const invite = await call('/v1/admin/invites', { method: 'POST', json: {}, token: await adminToken() });
    const { code } = (await invite.json()) as { code: string };
    const response = await call('/v1/enroll', { method: 'POST', json: { code, name } });
    if (response.status !== 201) throw new Error(`enrol failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { token: string; advocate: { id: string } };
    return { token: body.token, id: body.advocate.id };
  };

  return {
    ...running,
    database_: database,
    clock,
    call,
    adminToken,
    adminAs,
    enroll,
    async stop() {
      await running.close();
      await database.dispose();
      rmSync(spoolDir, { recursive: true, force: true });
    },
  };
}
