/**
 * The real `npm run server` entry (server/main.ts) in a child process, stopped the two ways an
 * orchestrator stops it: SIGTERM while PostgreSQL is blackholed exits within its deadline and keeps
 * the clicks it could not write for the next start; SIGKILL loses no click answered more than the
 * spool's 100 ms before it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db';
import { CLEANUP_MS } from '../../server/server';
import { contentInput } from '../helpers/api';
import { cleanEnv, nodeScript, runCommand, type RunningCommand } from '../helpers/child-process';
import { freshDatabase, postgresBaseUrl, type TestDatabase } from '../helpers/database';
import { TcpProxy } from '../helpers/tcp-proxy';
import { clicksStored } from './probe';

const ROOT = new URL('../../', import.meta.url).pathname;
const ADMIN = { email: 'signals@relay.test', password: 'a long enough password' };
const GRACE_MS = 3_000;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

interface Child {
  command: RunningCommand;
  url: string;
}

async function startServer(databaseUrl: string, spoolDir: string, extra: Record<string, string> = {}): Promise<Child> {
  const command = runCommand(...nodeScript('server/main.ts'), {
    cwd: ROOT,
    env: cleanEnv({
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      RELAY_ADMIN_EMAIL: ADMIN.email,
      RELAY_ADMIN_PASSWORD: ADMIN.password,
      RELAY_SHUTDOWN_GRACE_MS: String(GRACE_MS),
      RELAY_TRUST_PROXY: 'true',
      RELAY_SPOOL_DIR: spoolDir,
      ...extra,
    }),
  });
  const [, url] = await command.waitFor(/listening on (http:\/\/\S+)/, 60_000);
  return { command, url: url! };
}

async function call(child: Child, path: string, init: RequestInit & { json?: unknown; token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  return fetch(child.url + path, {
    ...init,
    headers,
    body: init.json === undefined ? init.body : JSON.stringify(init.json),
    redirect: 'manual',
  });
}

/** An admin, an advocate and a published post with its tracked link, through the HTTP API. */
async function seed(child: Child): Promise<{ code: string; advocate: string; contentId: string }> {
  const session = await call(child, '/v1/admin/session', { method: 'POST', json: ADMIN });
  const { token } = (await session.json()) as { token: string };
  const invite = (await (await call(child, '/v1/admin/invites', { method: 'POST', json: {}, token })).json()) as {
    code: string;
  };
  const enrolled = await call(child, '/v1/enroll', { method: 'POST', json: { code: invite.code, name: 'Signal Sam' } });
  const advocate = ((await enrolled.json()) as { token: string }).token;
  const created = await call(child, '/v1/admin/content', {
    method: 'POST',
    token,
    json: contentInput({ url: 'https://example.com/signals', publish: true }),
  });
  expect(created.status).toBe(201);
  const synced = (await (await call(child, '/v1/sync', { token: advocate })).json()) as {
    content: { id: string; links: { x: string } }[];
  };
  const item = synced.content[0]!;
  return { code: new URL(item.links.x).pathname.split('/').pop()!, advocate, contentId: item.id };
}

/** `count` people follow the link at once; every redirect must answer 302. */
async function visit(child: Child, code: string, first: number, count: number): Promise<void> {
  const answers = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      call(child, `/r/${code}`, {
        headers: { 'x-forwarded-for': `192.0.2.${first + i}`, 'user-agent': BROWSER },
      }),
    ),
  );
  expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 302));
}

async function storedClicks(databaseUrl: string, code: string): Promise<number> {
  const database = openDatabase(databaseUrl);
  try {
    return await clicksStored(database.db, code);
  } finally {
    await database.close();
  }
}

async function waitForClicks(databaseUrl: string, code: string, expected: number, limitMs: number): Promise<number> {
  const deadline = Date.now() + limitMs;
  let stored = await storedClicks(databaseUrl, code);
  while (stored !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    stored = await storedClicks(databaseUrl, code);
  }
  return stored;
}

/** The ids of `ids` stored as shares, once all are or the time is up. */
async function waitForShares(databaseUrl: string, ids: string[], limitMs: number): Promise<string[]> {
  const deadline = Date.now() + limitMs;
  const database = openDatabase(databaseUrl);
  try {
    for (;;) {
      const rows = await database.db.selectFrom('shares').select('id').where('id', 'in', ids).execute();
      if (rows.length === ids.length || Date.now() > deadline) return rows.map((row) => row.id).sort();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await database.close();
  }
}

describe('stopping the server', () => {
  const children: RunningCommand[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) await child.stop(1_000);
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('SIGTERM while PostgreSQL is blackholed: exits 0 within its deadline; the next start writes the clicks and shares', async () => {
    const database: TestDatabase = await freshDatabase('postgres');
    cleanups.push(() => database.dispose());
    const target = new URL(postgresBaseUrl());
    const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => proxy.close());
    const spool = mkdtempSync(join(tmpdir(), 'relay-signal-spool-'));
    cleanups.push(() => rmSync(spool, { recursive: true, force: true }));

    const first = await startServer(proxy.url(database.url), spool);
    children.push(first.command);
    const { code, advocate, contentId } = await seed(first);

    proxy.blackhole();
    await visit(first, code, 1, 40);
    // Shares made during the blackhole are taken (once the silence is noticed) and kept on disk.
    const shared = await Promise.all(
      (['linkedin', 'x', 'facebook'] as const).map(async (network) => {
        const id = randomUUID();
        const sentAt = new Date().toISOString();
        const answer = await call(first, '/v1/shares', {
          method: 'POST',
          token: advocate,
          json: { events: [{ id, contentId, network, sharedAt: sentAt }], sentAt },
        });
        expect(answer.status, await answer.clone().text()).toBe(200);
        expect(await answer.json()).toMatchObject({ queued: 1 });
        return id;
      }),
    );
    // Requests waiting on the silent database when the signal comes.
    const waiting = Array.from({ length: 5 }, () => call(first, '/v1/sync', { token: advocate }).catch(() => null));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = Date.now();
    first.command.child.kill('SIGTERM');
    const code0 = await first.command.exited;
    const tookMs = Date.now() - signalled;
    await Promise.all(waiting);
    expect(code0, first.command.output()).toBe(0);
    expect(tookMs).toBeLessThan(GRACE_MS + CLEANUP_MS + 1_000);
    expect(first.command.output()).toMatch(/40 clicks could not be written; they are kept in/);

    // The network is back: the next start finds the clicks on disk and writes them.
    await proxy.restore();
    const second = await startServer(proxy.url(database.url), spool);
    children.push(second.command);
    expect(await waitForClicks(database.url, code, 40, 10_000)).toBe(40);
    expect(await waitForShares(database.url, shared, 10_000)).toEqual([...shared].sort());
  });

  it('SIGKILL: clicks answered more than 100 ms before it are written after the restart', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'relay-signal-sqlite-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const databaseUrl = `sqlite:${join(folder, 'relay.db')}`;
    // Clicks are written every 10 s here, so the kill comes before any is in the database.
    const slow = { RELAY_CLICK_FLUSH_MS: '10000' };

    const first = await startServer(databaseUrl, join(folder, 'spool'), slow);
    children.push(first.command);
    const { code } = await seed(first);
    await visit(first, code, 1, 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(-first.command.child.pid!, 'SIGKILL');
    await first.command.exited;
    expect(await storedClicks(databaseUrl, code)).toBe(0);

    const second = await startServer(databaseUrl, join(folder, 'spool'), slow);
    children.push(second.command);
    // Taken over at start and written at once, not at the next 10 s flush.
    expect(await waitForClicks(databaseUrl, code, 200, 5_000), second.command.output()).toBe(200);
  });
});
