/** `npm start` (scripts/start.ts): a real process, as a person runs it, with the demo seeded. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeScript } from '../helpers/child-process';
import { testDatabaseKind } from '../helpers/database';
import { call } from '../helpers/demo';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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
    const child = spawn(...nodeScript('scripts/start.ts'), {
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
    const manifest = JSON.parse(readFileSync(join(outDir, 'chrome-mv3', 'manifest.json'), 'utf8')) as {
      name: string;
      default_locale?: string;
    };
    // The name is localised (public/_locales): the manifest names the message, the default locale says Relay.
    expect(manifest.name).toBe('__MSG_ext_name__');
    expect(manifest.default_locale).toBe('en');
    const english = JSON.parse(readFileSync(join(outDir, 'chrome-mv3', '_locales', 'en', 'messages.json'), 'utf8'));
    expect(english.ext_name.message).toBe('Relay');
    // The server URL is baked into the build, so the setup screen comes prefilled and locked.
    expect(readFileSync(join(outDir, 'chrome-mv3', 'background.js'), 'utf8')).toContain(url);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 180_000);
});
