/**
 * The demo organisation (server/demo.ts) and `npm start` (scripts/start.ts): what the seed creates
 * is usable through the API as printed, and starting again on the same database changes nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderVariant } from '../../lib/render';
import { DEFAULT_SCORING, type ContentItem, type SyncResponse } from '../../lib/schemas';
import { loadConfig, type Config } from '../../server/config';
import { DEMO_ADMIN_EMAIL, seedDemo, type DemoInfo } from '../../server/demo';
import { startServer, type RunningServer } from '../../server/server';
import { freshDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** X counts every link as 23 characters (t.co). */
const X_LINK = 'https://t.co/abcdefghij';
const X_LIMIT = 280;
const MINUTE = 60_000;

async function call(base: string, path: string, init: { method?: string; json?: unknown; token?: string } = {}) {
  const headers = new Headers();
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  return fetch(base + path, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe('seedDemo', () => {
  let database: TestDatabase;
  let dir: string;
  let credentialsFile: string;
  let running: RunningServer | undefined;
  let info: DemoInfo;
  const clock = { now: Date.now() };

  async function boot(): Promise<{ running: RunningServer; info: DemoInfo }> {
    const config: Config = {
      ...loadConfig({}),
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
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

  async function counts() {
    const db = running!.deps.db;
    const count = async (table: 'admins' | 'invites' | 'content' | 'documents' | 'advocates') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
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

  async function signIn(password: string | null): Promise<string> {
    const response = await call(running!.url, '/v1/admin/session', {
      method: 'POST',
      json: { email: DEMO_ADMIN_EMAIL, password },
    });
    return (await json<{ token: string }>(response, 200)).token;
  }

  async function enroll(code: string, name: string): Promise<string> {
    const response = await call(running!.url, '/v1/enroll', { method: 'POST', json: { code, name } });
    return (await json<{ token: string }>(response, 201)).token;
  }

  async function sync(token: string): Promise<SyncResponse> {
    return json<SyncResponse>(await call(running!.url, '/v1/sync', { token }), 200);
  }

  async function adminContent(token: string): Promise<ContentItem[]> {
    return (await json<{ items: ContentItem[] }>(await call(running!.url, '/v1/admin/content', { token }), 200)).items;
  }

  beforeAll(async () => {
    database = await freshDatabase();
    dir = mkdtempSync(join(tmpdir(), 'relay-demo-'));
    credentialsFile = join(dir, 'demo-credentials.json');
    ({ running, info } = await boot());
  });

  afterAll(async () => {
    await running?.close();
    await database?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports what it created and the credentials to print', () => {
    expect(info.adminEmail).toBe('admin@demo.relay');
    expect(info.adminPassword).toMatch(/^[0-9a-z]{20}$/);
    expect(info.inviteCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(info.credentialsFile).toBe(credentialsFile);
    expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
    expect(info.created).toEqual(expect.arrayContaining(['admin', 'invite', 'guidelines', 'scoring']));
    expect(info.posts).toBe(6);
    expect(info.scheduledPosts).toBe(1);
  });

  it('lets the admin sign in with the printed credentials', async () => {
    const token = await signIn(info.adminPassword);
    expect(token).toMatch(/^rla_/);
  });

  it('has six published posts, one of them scheduled an hour ahead', async () => {
    const items = await adminContent(await signIn(info.adminPassword));
    expect(items).toHaveLength(6);
    expect(items.filter((item) => item.status === 'published')).toHaveLength(5);
    const scheduled = items.filter((item) => item.status === 'scheduled');
    expect(scheduled).toHaveLength(1);
    const dueIn = Date.parse(scheduled[0]!.publishAt!) - clock.now;
    expect(dueIn).toBeGreaterThan(59 * MINUTE);
    expect(dueIn).toBeLessThanOrEqual(60 * MINUTE);
  });

  it('enrols advocates with the printed invite code, more than once', async () => {
    expect(await enroll(info.inviteCode, 'Ada Lovelace')).toMatch(/^rlv_/);
    expect(await enroll(info.inviteCode.toLowerCase(), 'Grace Hopper')).toMatch(/^rlv_/);
  });

  it('syncs the live posts with LinkedIn and X variants and links, plus guidelines and scoring', async () => {
    const body = await sync(await enroll(info.inviteCode, 'Alan Turing'));
    expect(body.content).toHaveLength(5);
    expect(new Set(body.content.map((item) => item.id)).size).toBe(5);
    for (const item of body.content) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.url).toMatch(/^https:\/\/northwind\.example\//);
      expect(item.note?.length).toBeGreaterThan(0);
      expect(item.campaign?.length).toBeGreaterThan(0);
      expect(item.tags.length).toBeGreaterThan(0);
      expect(item.variants.linkedin?.length).toBeGreaterThanOrEqual(2);
      expect(item.variants.x?.length).toBeGreaterThanOrEqual(2);
      expect(item.networks).toEqual(['linkedin', 'x', 'facebook']);
      expect(item.links.linkedin).toMatch(/^http/);
      expect(item.links.x).toMatch(/^http/);
      expect(item.links.facebook).toMatch(/^http/);
    }
    expect(
      body.content.some((item) => [...item.variants.linkedin!, ...item.variants.x!].some((v) => v.includes('{link}'))),
    ).toBe(true);

    expect(body.guidelines.disclosure).toEqual({ text: '#NorthwindEmployee', networks: ['linkedin', 'x'] });
    const patterns = body.guidelines.bannedTerms.map((term) => term.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining(['guaranteed returns', 'cure', '\\b(confidential|internal only)\\b']),
    );
    expect(body.guidelines.bannedTerms.every((term) => term.reason.length > 0)).toBe(true);
    expect(body.guidelines.bannedTerms.find((term) => term.pattern.startsWith('\\b'))?.regex).toBe(true);
    expect(body.guidelines).toMatchObject({
      maxHashtags: 5,
      dailyShareCap: 10,
      companyNames: ['Northwind Robotics', 'Northwind'],
    });
    expect(body.scoring).toEqual(DEFAULT_SCORING);
  });

  it('writes posts that follow its own guidelines: X length, hashtags, banned terms', async () => {
    const items = await adminContent(await signIn(info.adminPassword));
    const advocateToken = await enroll(info.inviteCode, 'Katherine Johnson');
    const { guidelines } = await sync(advocateToken);
    const disclosure = guidelines.disclosure!.text;
    const banned = guidelines.bannedTerms.map((term) =>
      term.regex
        ? new RegExp(term.pattern, 'iu')
        : new RegExp(term.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu'),
    );
    for (const item of items) {
      for (const variant of item.variants.x ?? []) {
        const text = renderVariant(variant, X_LINK, 'x');
        expect(text.length, text).toBeLessThanOrEqual(X_LIMIT);
        // Room is left for the disclosure when the extension adds it.
        const disclosed = text.includes(disclosure) ? text : `${text} ${disclosure}`;
        expect(disclosed.length, disclosed).toBeLessThanOrEqual(X_LIMIT);
      }
      for (const variant of [...(item.variants.linkedin ?? []), ...(item.variants.x ?? [])]) {
        const hashtags = (variant.match(/#\w+/g) ?? []).length + (variant.includes(disclosure) ? 0 : 1);
        expect(hashtags, variant).toBeLessThanOrEqual(guidelines.maxHashtags!);
        for (const term of banned) expect(variant, String(term)).not.toMatch(term);
      }
    }
  });

  it('shows the scheduled post once it is due', async () => {
    const token = await enroll(info.inviteCode, 'Hedy Lamarr');
    expect((await sync(token)).content).toHaveLength(5);
    clock.now += 61 * MINUTE;
    const body = await sync(token);
    expect(body.content).toHaveLength(6);
    expect(body.content.map((item) => item.title)).toContain('Meet us at RoboWorld Expo 2026, booth 4212');
  });

  it('changes nothing when started again on the same database, and prints the same credentials', async () => {
    const before = await counts();
    await running!.close();
    running = undefined;
    const again = await boot();
    running = again.running;
    expect(await counts()).toEqual(before);
    expect(again.info.created).toEqual([]);
    expect(again.info.adminPassword).toBe(info.adminPassword);
    expect(again.info.inviteCode).toBe(info.inviteCode);
    await signIn(again.info.adminPassword);
    expect((await adminContent(await signIn(again.info.adminPassword))).map((item) => item.id).sort()).toHaveLength(6);
  });

  it('keeps an admin’s changes to guidelines and content across restarts', async () => {
    const token = await signIn(info.adminPassword);
    const [first] = await adminContent(token);
    expect((await call(running!.url, `/v1/admin/content/${first!.id}`, { method: 'DELETE', token })).status).toBe(200);
    const guidelines = { bannedTerms: [{ pattern: 'synergy', reason: 'Say what you mean.' }] };
    expect((await call(running!.url, '/v1/admin/guidelines', { method: 'PUT', token, json: guidelines })).status).toBe(
      200,
    );
    const before = await counts();

    await running!.close();
    running = undefined;
    const again = await boot();
    running = again.running;
    expect(again.info.created).toEqual([]);
    expect(await counts()).toEqual(before);
    const after = await adminContent(await signIn(info.adminPassword));
    expect(after.find((item) => item.id === first!.id)?.status).toBe('archived');
    const stored = await json<unknown>(
      await call(running.url, '/v1/admin/guidelines', { token: await signIn(info.adminPassword) }),
      200,
    );
    expect(stored).toEqual(guidelines);
  });

  it('keeps the invite code in the credentials file only: the database holds its hash', async () => {
    const stored = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({
      email: DEMO_ADMIN_EMAIL,
      password: info.adminPassword,
      inviteCode: info.inviteCode,
    });
    const invites = await running!.deps.db.selectFrom('invites').selectAll().execute();
    expect(JSON.stringify(invites)).not.toContain(info.inviteCode);
    expect(invites.filter((invite) => invite.expires_at === null)).toHaveLength(1);
  });

  it('says the password is unknown, rather than guessing or resetting it, when the credentials file is gone', async () => {
    rmSync(credentialsFile);
    const before = await counts();
    await running!.close();
    running = undefined;
    const again = await boot();
    running = again.running;
    expect(again.info.adminPassword).toBeNull();
    // The old code is not stored anywhere: a new never-expiring invite is made, and printed from now on.
    expect(again.info.inviteCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(again.info.inviteCode).not.toBe(info.inviteCode);
    expect(again.info.created).toEqual(['invite']);
    expect(await counts()).toEqual({ ...before, invites: before.invites + 1 });
    expect(await enroll(again.info.inviteCode, 'Mary Jackson')).toMatch(/^rlv_/);
    expect(await enroll(info.inviteCode, 'Dorothy Vaughan')).toMatch(/^rlv_/);
    // The admin's password is unchanged.
    await signIn(info.adminPassword);
  });
});

/** `npm start` itself: a real process, as a person runs it. SQLite only: it is the demo's database. */
describe.runIf(testDatabaseKind() === 'sqlite')('npm start (scripts/start.ts)', () => {
  let dir: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'relay-start-'));
  });
  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  function start(databaseUrl: string, extraEnv: NodeJS.ProcessEnv = { RELAY_SKIP_EXTENSION: '1' }) {
    // The extension build is skipped unless a test asks for it (it has its own test below).
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      ...extraEnv,
    };
    delete env.RELAY_ADMIN_EMAIL;
    delete env.RELAY_ADMIN_PASSWORD;
    delete env.RELAY_PUBLIC_URL;
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const waiters = new Set<() => void>();
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      for (const waiter of [...waiters]) waiter();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    /** Resolves with the first match of `pattern` in the output so far or to come. */
    const waitFor = (pattern: RegExp, ms = 20_000) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (!match) return;
          finish();
          resolve(match);
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no ${pattern} in the output within ${ms} ms:\n${output}`));
        }, ms);
        const gone = () => {
          finish();
          reject(new Error(`exited before printing ${pattern}:\n${output}`));
        };
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
          child.off('exit', gone);
        };
        waiters.add(check);
        child.once('exit', gone);
        check();
      });

    return { child, exited, waitFor, output: () => output };
  }

  it('starts with the demo, answers /healthz, stops on SIGTERM with code 0, and prints the same invite code next time', async () => {
    const databaseUrl = `sqlite:${join(dir, 'demo.db')}`;

    const first = start(databaseUrl);
    const [, url] = await first.waitFor(/listening on (http:\/\/\S+)/);
    const [, invite] = await first.waitFor(/Invite code\s+([A-Z2-9]{4}-[A-Z2-9]{4})/);
    const [, password] = await first.waitFor(/Password\s+([0-9a-z]{20})\b/);
    expect(first.output()).toContain('admin@demo.relay');
    expect(first.output()).toContain(`${url}/v1/sync`);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const session = await call(url!, '/v1/admin/session', {
      method: 'POST',
      json: { email: 'admin@demo.relay', password },
    });
    expect(session.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(statSync(join(dir, 'demo-credentials.json')).mode & 0o777).toBe(0o600);

    const second = start(databaseUrl);
    await second.waitFor(/listening on http:\/\/\S+/);
    const [, inviteAgain] = await second.waitFor(/Invite code\s+([A-Z2-9]{4}-[A-Z2-9]{4})/);
    const [, passwordAgain] = await second.waitFor(/Password\s+([0-9a-z]{20})\b/);
    expect(inviteAgain).toBe(invite);
    expect(passwordAgain).toBe(password);
    expect(second.output()).toContain('already set up, nothing changed');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);

  it('builds the extension pointed at this server and, with no display, says how to load it', async () => {
    const outDir = join(dir, 'extension-build');
    const env: NodeJS.ProcessEnv = { RELAY_OUTPUT_DIR: outDir, DISPLAY: '', WAYLAND_DISPLAY: '' };
    const run = start(`sqlite:${join(dir, 'with-extension.db')}`, env);
    const [, url] = await run.waitFor(/listening on (http:\/\/\S+)/);
    const [built] = await run.waitFor(/Extension built|did not build/, 150_000);
    expect(built, run.output()).toBe('Extension built');
    expect(run.output()).toContain('Load unpacked');
    expect(run.output()).toContain(join(outDir, 'chrome-mv3'));
    expect(run.output()).toMatch(/invite code [A-Z2-9]{4}-[A-Z2-9]{4}/);
    const manifest = JSON.parse(readFileSync(join(outDir, 'chrome-mv3', 'manifest.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('Relay');
    // The server URL is baked into the build, so the setup screen comes prefilled and locked.
    expect(readFileSync(join(outDir, 'chrome-mv3', 'background.js'), 'utf8')).toContain(url);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 180_000);
});
