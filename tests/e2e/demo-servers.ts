/** The demo (server/demo.ts) for console tests: `npm start` as a person runs it, or in this process on a fixed clock for stable screenshots. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { loadConfig } from '../../server/config';
import { DEMO_ADMIN_EMAIL, seedDemo } from '../../server/demo';
import { startServer } from '../../server/server';
import { nodeScript } from '../helpers/child-process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface DemoServer {
  url: string;
  password: string;
  stop(): Promise<void>;
}

/** `npm start` (scripts/start.ts) on a fresh SQLite file, without the extension build; resolves once it printed its banner. */
export async function startDemoProcess(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-e2e-demo-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'demo.db')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    RELAY_SKIP_EXTENSION: '1',
  };
  for (const name of ['RELAY_ADMIN_EMAIL', 'RELAY_ADMIN_PASSWORD', 'RELAY_PUBLIC_URL']) delete env[name];
  const child = spawn(...nodeScript('scripts/start.ts'), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  let output = '';
  try {
    const [url, password] = await new Promise<[string, string]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no banner in 60 s:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
        const password = /Password\s+([0-9a-z]{20})\b/.exec(output)?.[1];
        if (url && password) {
          clearTimeout(timer);
          resolve([url, password]);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', () => reject(new Error(`npm start exited:\n${output}`)));
    });
    return { url, password, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The demo served from this process with its clock stopped at `now`: the same month of activity every run. */
export async function startFixedDemo(now: number): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-e2e-demo-'));
  const base = loadConfig({});
  let password: string | null = null;
  const running = await startServer(
    {
      ...base,
      port: 0,
      host: '127.0.0.1',
      databaseUrl: `sqlite:${join(dir, 'demo.db')}`,
      publicUrl: 'http://relay.test',
      shutdownGraceMs: 2_000,
      spool: { ...base.spool, dir: join(dir, 'spool') },
    },
    {
      now: () => now,
      beforeListen: async (deps) => {
        password = (await seedDemo(deps, { credentialsFile: join(dir, 'demo-credentials.json') })).adminPassword;
      },
    },
  );
  return {
    url: running.url,
    password: password!,
    stop: async () => {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in to the demo's console as its admin; the home is the first screen. */
export async function signInToDemo(page: Page, demo: DemoServer): Promise<void> {
  await page.goto(`${demo.url}/admin`);
  await page.getByLabel('Email').fill(DEMO_ADMIN_EMAIL);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Home', exact: true }).waitFor();
}
