/**
 * `npm test`'s preparation (scripts/prepare-tests.ts) against this machine for real: Chromium and
 * Firefox ESR found or not through CHROMIUM_PATH, FIREFOX_PATH and PATH, and PostgreSQL through the real server, with a scratch
 * database created and dropped (never `test` itself) and a port nothing listens on for "down".
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { prepareTests } from '../../scripts/prepare-tests';
import { chromiumFacts } from '../../scripts/prerequisites/chromium';
import { firefoxFacts } from '../../scripts/prerequisites/firefox';
import {
  dropDatabase,
  localClusters,
  postgresFacts,
  postgresHint,
  testPostgresUrl,
  tryConnect,
} from '../../scripts/prerequisites/postgres';

const ROOT = new URL('../../', import.meta.url).pathname;
const dirs: string[] = [];
const scratch: string[] = [];

/** A URL on the tests' own server naming a database that does not exist yet. */
function scratchUrl(): string {
  const url = new URL(testPostgresUrl());
  url.pathname = `/relay_scratch_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  scratch.push(url.toString());
  return url.toString();
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relay-prereq-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const url of scratch.splice(0)) await dropDatabase(url);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('Chromium on this machine', () => {
  it('takes CHROMIUM_PATH when it is an executable, and reports it missing when it is not', () => {
    const dir = tempDir();
    const fake = join(dir, 'my-chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    expect(chromiumFacts({ CHROMIUM_PATH: fake, PATH: '' }).found).toBeNull();
    chmodSync(fake, 0o755);
    expect(chromiumFacts({ CHROMIUM_PATH: fake, PATH: '' })).toMatchObject({ configured: fake, found: fake });
    expect(chromiumFacts({ CHROMIUM_PATH: join(dir, 'nope'), PATH: '' }).found).toBeNull();
  });

  it('finds `chromium` on PATH before Debian’s path', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
    expect(chromiumFacts({ PATH: dir }).found).toBe(join(dir, 'chromium'));
  });

  it('knows whether it may install: root with apt-get on PATH', () => {
    const facts = chromiumFacts({ PATH: '/usr/bin:/bin', CHROMIUM_PATH: '' });
    expect(facts.isRoot).toBe(process.getuid?.() === 0);
    expect(facts.hasAptGet).toBe(spawnSync('sh', ['-c', 'command -v apt-get']).status === 0);
    expect(chromiumFacts({ PATH: '' }).hasAptGet).toBe(false);
  });

  it('stops the tests with the exact command when CHROMIUM_PATH names nothing', async () => {
    const lines: string[] = [];
    const ready = await prepareTests({
      only: 'chromium',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      log: (line) => lines.push(line),
    });
    expect(ready).toBe(false);
    expect(lines.join('\n')).toContain('CHROMIUM_PATH=/nonexistent/chromium is not an executable file');
    expect(lines.join('\n')).toContain('The tests were not started');
  });

  it.runIf(chromiumFacts({ ...process.env, CHROMIUM_PATH: '' }).found !== null)('is ready when installed', async () => {
    const lines: string[] = [];
    expect(
      await prepareTests({
        only: 'chromium',
        env: { ...process.env, CHROMIUM_PATH: '' },
        log: (line) => lines.push(line),
      }),
    ).toBe(true);
    expect(lines.join('\n')).toMatch(/Chromium: ready/);
  });
});

describe('Firefox ESR on this machine', () => {
  it('takes FIREFOX_PATH when it is an executable, and reports it missing when it is not', () => {
    const dir = tempDir();
    const fake = join(dir, 'my-firefox');
    writeFileSync(fake, '#!/bin/sh\n');
    expect(firefoxFacts({ FIREFOX_PATH: fake, PATH: '' }).found).toBeNull();
    chmodSync(fake, 0o755);
    expect(firefoxFacts({ FIREFOX_PATH: fake, PATH: '' })).toMatchObject({ configured: fake, found: fake });
    expect(firefoxFacts({ FIREFOX_PATH: join(dir, 'nope'), PATH: '' }).found).toBeNull();
  });

  it('finds `firefox-esr` on PATH before Debian’s path', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'firefox-esr'), '#!/bin/sh\n', { mode: 0o755 });
    expect(firefoxFacts({ PATH: dir }).found).toBe(join(dir, 'firefox-esr'));
  });

  it('stops the tests with the exact command when FIREFOX_PATH names nothing', async () => {
    const lines: string[] = [];
    const ready = await prepareTests({
      only: 'firefox',
      env: { ...process.env, FIREFOX_PATH: '/nonexistent/firefox' },
      log: (line) => lines.push(line),
    });
    expect(ready).toBe(false);
    expect(lines.join('\n')).toContain('FIREFOX_PATH=/nonexistent/firefox is not an executable file');
    expect(lines.join('\n')).toContain('The tests were not started');
  });

  it.runIf(firefoxFacts({ ...process.env, FIREFOX_PATH: '' }).found !== null)('is ready when installed', async () => {
    const lines: string[] = [];
    expect(
      await prepareTests({
        only: 'firefox',
        env: { ...process.env, FIREFOX_PATH: '' },
        log: (line) => lines.push(line),
      }),
    ).toBe(true);
    expect(lines.join('\n')).toMatch(/Firefox ESR: ready/);
  });
});

describe('PostgreSQL on this machine', () => {
  it('sees the tests’ server up with its database present', async () => {
    expect(await postgresFacts(testPostgresUrl())).toMatchObject({ server: 'up', databaseExists: true });
  });

  it('creates a missing database when the server is up, and the next run finds it present', async () => {
    const url = scratchUrl();
    expect(await postgresFacts(url)).toMatchObject({ server: 'up', databaseExists: false });
    const lines: string[] = [];
    const env = { ...process.env, DATABASE_URL: url };
    expect(await prepareTests({ only: 'postgres', env, log: (line) => lines.push(line) })).toBe(true);
    expect(lines.join('\n')).toContain('the server is up but the database is missing; creating it');
    expect(await tryConnect(url)).toBeNull();
    lines.length = 0;
    expect(await prepareTests({ only: 'postgres', env, log: (line) => lines.push(line) })).toBe(true);
    expect(lines).toEqual([expect.stringMatching(/: ready \(/)]);
  });

  it('hints to create the database, not to start the cluster, when only the database is missing', async () => {
    const url = scratchUrl();
    const hint = postgresHint(await tryConnect(url), url);
    expect(hint).toMatch(/is up but has no database "relay_scratch_/);
    expect(hint).toContain(`createdb -h 127.0.0.1 -p 5432 -U postgres ${new URL(url).pathname.slice(1)}`);
    expect(hint).not.toContain('pg_ctlcluster');
  });

  it('sees a server that is down, hints to start it, and stops the tests with what to run', async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/test`;
    const facts = await postgresFacts(url);
    expect(facts).toMatchObject({ server: 'down', databaseExists: false, cluster: undefined });
    const hint = postgresHint(await tryConnect(url), url);
    expect(hint).toContain('pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start');
    expect(hint).not.toContain('createdb');
    const lines: string[] = [];
    expect(await prepareTests({ only: 'postgres', env: { DATABASE_URL: url }, log: (line) => lines.push(line) })).toBe(
      false,
    );
    expect(lines.join('\n')).toMatch(/Nothing answers at 127\.0\.0\.1:\d+/);
  });

  it.runIf(localClusters().length > 0)('finds the local cluster serving the tests’ port', async () => {
    const facts = await postgresFacts(testPostgresUrl());
    expect(facts.cluster).toMatchObject({ port: Number(new URL(testPostgresUrl()).port || 5432), online: true });
  });
});

describe('npm test’s preparation as a command', () => {
  it('exits 0 when all is present and 1, saying what to run, when something cannot be fixed here', () => {
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/prepare-tests.ts', '--only=chromium'], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
    const missing = run({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(missing.status, missing.stdout + missing.stderr).toBe(1);
    expect(missing.stdout).toContain('CHROMIUM_PATH=/nonexistent/chromium');
    const dir = tempDir();
    writeFileSync(join(dir, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
    const present = run({ CHROMIUM_PATH: join(dir, 'chromium') });
    expect(present.status, present.stdout + present.stderr).toBe(0);
    expect(present.stdout).toContain('Chromium: ready');
  });
});
