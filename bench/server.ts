/**
 * The real API on a loopback port and a fresh database, plus the baseline route every suite
 * compares against: GET /bench/constant, a fixed JSON object served by the same process, the same
 * Hono app and the same global middleware, without touching the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { loadConfig, type Config } from '../server/config';
import type { AppEnv } from '../server/context';
import { startServer, type RunningServer } from '../server/server';
import { freshDatabase, type TestDatabase, type TestDatabaseKind } from '../tests/helpers/database';

export const BASELINE_PATH = '/bench/constant';
export const BASELINE_BODY = { ok: true, service: 'relay', bench: 'baseline', items: [1, 2, 3] } as const;

const ADMIN_EMAIL = 'bench@relay.test';
const ADMIN_PASSWORD = 'bench password 1234';

export interface BenchServer {
  kind: TestDatabaseKind;
  url: string;
  running: RunningServer;
  /** fetch against the server; `json` bodies are sent as application/json. */
  call(path: string, init?: RequestInit & { json?: unknown; token?: string }): Promise<Response>;
  adminToken(): Promise<string>;
  /** Creates an invite and enrols an advocate; returns the advocate's token. */
  enroll(name: string): Promise<string>;
  /** Closes the server, then drops the database. Safe to call twice. */
  close(): Promise<void>;
}

export async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status)
    throw new Error(`${what}: HTTP ${response.status} (expected ${status}): ${await response.text()}`);
}

export interface BenchServerOptions {
  /** Configuration on top of the benchmark defaults (e.g. trustProxy). */
  config?: Partial<Config>;
  /** More baseline routes, added beside GET /bench/constant. */
  configure?: (app: Hono<AppEnv>) => void;
}

export async function startBenchServer(kind: TestDatabaseKind, options: BenchServerOptions = {}): Promise<BenchServer> {
  const database: TestDatabase = await freshDatabase(kind);
  // The spool (clicks waiting for the database) in a folder of the run's own, removed at close.
  const spoolDir = mkdtempSync(join(tmpdir(), 'relay-bench-spool-'));
  const unlimited = { limit: 1_000_000_000, windowMs: 60_000 };
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    publicUrl: 'http://relay.bench',
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    rateLimits: {
      session: unlimited,
      sessionAccount: unlimited,
      sessionAddress: unlimited,
      enroll: unlimited,
      enrollTotal: unlimited,
      token: unlimited,
      scim: unlimited,
    },
    shutdownGraceMs: 2_000,
    spool: { ...loadConfig({}).spool, dir: spoolDir },
    ...options.config,
  };
  let running: RunningServer;
  try {
    running = await startServer(config, {
      configure: (app) => {
        app.get(BASELINE_PATH, (c) => c.json(BASELINE_BODY));
        options.configure?.(app);
      },
    });
  } catch (error) {
    await database.dispose();
    rmSync(spoolDir, { recursive: true, force: true });
    throw error;
  }

  const call: BenchServer['call'] = (path, init = {}) => {
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

  let cachedAdminToken: string | undefined;
  const adminToken = async () => {
    if (cachedAdminToken) return cachedAdminToken;
    const response = await call('/v1/admin/session', {
      method: 'POST',
      json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    await expectStatus(response, 200, 'admin sign-in');
    cachedAdminToken = ((await response.json()) as { token: string }).token;
    return cachedAdminToken;
  };

  const enroll = async (name: string) => {
    const invite = await call('/v1/admin/invites', { method: 'POST', json: {}, token: await adminToken() });
    await expectStatus(invite, 201, 'create invite');
    const { code } = (await invite.json()) as { code: string };
    const response = await call('/v1/enroll', { method: 'POST', json: { code, name } });
    await expectStatus(response, 201, 'enrol');
    return ((await response.json()) as { token: string }).token;
  };

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      try {
        await running.close();
      } finally {
        await database.dispose();
        rmSync(spoolDir, { recursive: true, force: true });
      }
    })());

  return { kind, url: running.url, running, call, adminToken, enroll, close };
}
