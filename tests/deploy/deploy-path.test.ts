/**
 * The README's deploy path on a fresh clone of this branch's HEAD (node_modules linked in, nothing
 * else): `npm run server` before a build says the console is not built and that no admin exists,
 * and answers 503 at /admin; `npm run build` (saying no server URL is baked in) builds the console
 * and the extension; then `npm run server` serves the console at /admin with no such notes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanEnv, runCommand, type RunningCommand } from '../helpers/child-process';

const ROOT = new URL('../../', import.meta.url).pathname;
const ADMIN = { RELAY_ADMIN_EMAIL: 'deploy@relay.test', RELAY_ADMIN_PASSWORD: 'a long enough password' };

let dir: string;
let clone: string;
const running: RunningCommand[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'relay-deploy-'));
  clone = join(dir, 'relay');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', '--depth', '1', `file://${ROOT}`, clone]);
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
});
afterAll(async () => {
  for (const command of running) await command.stop();
  rmSync(dir, { recursive: true, force: true });
});

function npmRunServer(env: Record<string, string> = {}): RunningCommand {
  const command = runCommand('npm', ['run', 'server'], {
    cwd: clone,
    env: cleanEnv({ PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'relay.db')}`, ...env }),
  });
  running.push(command);
  return command;
}

it(
  'a fresh clone: npm run server says what is missing, npm run build makes it, the console is served',
  { timeout: 240_000 },
  async () => {
    // Before any build: one line for the console, one for the admin, and /admin says 503.
    const bare = npmRunServer();
    const [, url] = await bare.waitFor(/listening on (http:\/\/\S+)/);
    await bare.waitFor(
      /No admin exists yet: add one with `npm run admin:add -- you@example\.com`.*RELAY_ADMIN_EMAIL and RELAY_ADMIN_PASSWORD/,
    );
    await bare.waitFor(/The admin console is not built, so \/admin answers 503: run `npm run build`/);
    expect((await fetch(`${url}/admin`)).status).toBe(503);
    await bare.stop();

    const build = runCommand('npm', ['run', 'build'], { cwd: clone, env: cleanEnv() });
    running.push(build);
    const code = await build.exited;
    expect(code, build.output()).toBe(0);
    expect(build.output()).toMatch(
      /RELAY_SERVER_URL is unset: no server address is baked in, so advocates type it at setup/,
    );
    expect(existsSync(join(clone, 'console/dist/index.html'))).toBe(true);
    expect(existsSync(join(clone, '.output/chrome-mv3/manifest.json'))).toBe(true);

    const deployed = npmRunServer(ADMIN);
    const [, deployedUrl] = await deployed.waitFor(/listening on (http:\/\/\S+)/);
    const page = await fetch(`${deployedUrl}/admin`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toMatch(/<!doctype html>/i);
    // The page's script is served too.
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const asset = await fetch(new URL(script!, `${deployedUrl}/admin/`));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    await deployed.stop();
    expect(deployed.output()).not.toMatch(/not built|No admin exists/);
  },
);
