/**
 * Building the admin console (console/, Vite) into console/dist, which the API serves at
 * /admin, when the build is missing or older than its sources: `npm start` and the end-to-end
 * tests' global setup both do (`npm run build:admin` builds it unconditionally).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CONSOLE_ROOT = resolve('console');
export const CONSOLE_DIST = join(CONSOLE_ROOT, 'dist');
const CONFIG = join(CONSOLE_ROOT, 'vite.config.ts');
const VITE = resolve('node_modules/vite/bin/vite.js');

/** What the console is built from: its own files, the shared lib/ and components/, the lockfile. */
const SOURCES = [CONSOLE_ROOT, resolve('lib'), resolve('components'), resolve('package-lock.json')];

function newestMtime(path: string): number {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  // Files only: a directory's own time changes when a build is swapped in beside it.
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when console/dist is missing or older than something it is built from. */
export function consoleIsStale(): boolean {
  const index = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

function viteArgs(outDir: string): string[] {
  return [VITE, 'build', '--config', CONFIG, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
}

/** A fresh build directory beside dist, swapped in whole: a server serving dist never sees half a build. */
function stagingDir(): string {
  return join(CONSOLE_ROOT, `.dist-${process.pid}-${Date.now().toString(36)}`);
}

function swapIn(staging: string): void {
  if (!existsSync(join(staging, 'index.html'))) throw new Error(`vite build did not produce ${staging}/index.html`);
  const old = `${staging}-old`;
  if (existsSync(CONSOLE_DIST)) renameSync(CONSOLE_DIST, old);
  renameSync(staging, CONSOLE_DIST);
  rmSync(old, { recursive: true, force: true });
}

/** `vite build` for the console; rejects with the tail of its output when it fails. */
export function buildConsole(): Promise<void> {
  const staging = stagingDir();
  return new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, viteArgs(staging), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`vite build failed (exit ${code}):\n${output.slice(-2000)}`)),
    );
  })
    .then(() => swapIn(staging))
    .finally(() => rmSync(staging, { recursive: true, force: true }));
}

/** The same, blocking, with Vite's output on this process's stderr (for test setup). */
export function buildConsoleSync(): void {
  const staging = stagingDir();
  try {
    execFileSync(process.execPath, viteArgs(staging), { stdio: ['ignore', 'inherit', 'inherit'] });
    swapIn(staging);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Builds the console when it is missing or stale; says what it does. False when the build failed. */
export async function ensureConsoleBuilt(log: (line: string) => void = console.log): Promise<boolean> {
  if (!consoleIsStale()) return true;
  log('  Building the admin console (console → console/dist)…');
  try {
    await buildConsole();
    return true;
  } catch (error) {
    log(`  The admin console did not build: ${(error as Error).message}`);
    return false;
  }
}
