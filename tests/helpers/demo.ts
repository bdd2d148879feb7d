/** The demo tests' set-up: the API as a person calls it, a server booted with the demo seeded, its row counts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ContentItem, SyncResponse } from '../../lib/schemas';
import { loadConfig, type Config } from '../../server/config';
import { DEMO_ADMIN_EMAIL, seedDemo, type DemoInfo } from '../../server/demo';
import type { Database } from '../../server/db/schema';
import { startServer, type RunningServer } from '../../server/server';
import { freshDatabase, type TestDatabase } from './database';

export async function call(base: string, path: string, init: { method?: string; json?: unknown; token?: string } = {}) {
  const headers = new Headers();
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  return fetch(base + path, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

export async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** Starts a server on `databaseUrl` that seeds the demo before it listens, writing its credentials to `credentialsFile`. */
export async function bootDemo(
  databaseUrl: string,
  credentialsFile: string,
  clock: { now: number },
): Promise<{ running: RunningServer; info: DemoInfo }> {
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    publicUrl: 'http://relay.test',
    shutdownGraceMs: 2_000,
  };
  let seeded: DemoInfo | undefined;
  const started = await startServer(config, {
    now: () => clock.now,
    beforeListen: async (deps) => {
      seeded = await seedDemo(deps, { credentialsFile });
    },
  });
  return { running: started, info: seeded! };
}

/** A fresh database and a temporary folder for the credentials file, with the demo booted on them. */
export async function startDemo(clock: { now: number }): Promise<{
  database: TestDatabase;
  dir: string;
  credentialsFile: string;
  running: RunningServer;
  info: DemoInfo;
}> {
  const database = await freshDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'relay-demo-'));
  const credentialsFile = join(dir, 'demo-credentials.json');
  const { running, info } = await bootDemo(database.url, credentialsFile, clock);
  return { database, dir, credentialsFile, running, info };
}

/** Stops whichever server is running and removes the database and the folder. */
export async function stopDemo(
  running: RunningServer | undefined,
  database: TestDatabase | undefined,
  dir: string | undefined,
): Promise<void> {
  await running?.close();
  await database?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** How many rows a table holds. */
export async function countRows(running: RunningServer, table: keyof Database): Promise<number> {
  const row = await running.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many rows the demo's tables hold, and the change counter. */
export async function demoCounts(running: RunningServer) {
  const db = running.deps.db;
  const count = (table: 'admins' | 'invites' | 'content' | 'documents' | 'advocates') => countRows(running, table);
  const seq = await db.selectFrom('counters').select('value').where('name', '=', 'seq').executeTakeFirstOrThrow();
  return {
    admins: await count('admins'),
    invites: await count('invites'),
    content: await count('content'),
    documents: await count('documents'),
    advocates: await count('advocates'),
    seq: Number(seq.value),
  };
}

/** The calls the demo's printed credentials are for, made to whichever server is running now. */
export function demoCalls(current: () => RunningServer | undefined) {
  async function signIn(password: string | null): Promise<string> {
    const response = await call(current()!.url, '/v1/admin/session', {
      method: 'POST',
      json: { email: DEMO_ADMIN_EMAIL, password },
    });
    return (await json<{ token: string }>(response, 200)).token;
  }

  async function enroll(code: string, name: string): Promise<string> {
    const response = await call(current()!.url, '/v1/enroll', { method: 'POST', json: { code, name } });
    return (await json<{ token: string }>(response, 201)).token;
  }

  async function sync(token: string): Promise<SyncResponse> {
    return json<SyncResponse>(await call(current()!.url, '/v1/sync', { token }), 200);
  }

  async function adminContent(token: string): Promise<ContentItem[]> {
    return (await json<{ items: ContentItem[] }>(await call(current()!.url, '/v1/admin/content', { token }), 200))
      .items;
  }
  return { signIn, enroll, sync, adminContent };
}
