/**
 * The sources archive for AMO (scripts/zip-sources.ts, the last step of `npm run zip`), in a fresh
 * clone of this branch's HEAD with untracked and ignored files beside the tracked ones: the archive
 * holds exactly git's tracked files; with a tracked file changed, it is refused and not written.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanEnv } from '../helpers/child-process';
import { zipFileNames } from '../helpers/zip-entries';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');

let dir: string;
let clone: string;
let archive: string;

/** Files a working tree has that must not reach Mozilla: secrets, data, test output, dependencies. */
const STRAYS = ['.env', '.env.local', 'data/relay.db', 'test-results/shot.png', 'notes.txt', '.output/old.zip'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'relay-sources-'));
  clone = join(dir, 'relay');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', '--depth', '1', `file://${ROOT}`, clone]);
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
  for (const stray of STRAYS) {
    mkdirSync(join(clone, stray, '..'), { recursive: true });
    writeFileSync(join(clone, stray), 'not for the archive\n');
  }
  const { version } = JSON.parse(
    execFileSync('git', ['show', 'HEAD:package.json'], { cwd: clone, encoding: 'utf8' }),
  ) as {
    version: string;
  };
  archive = join(clone, '.output', `relay-${version}-sources.zip`);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function zipSources() {
  return run(TSX, ['scripts/zip-sources.ts'], { cwd: clone, env: cleanEnv() });
}

it('holds exactly the tracked files, none of the untracked or ignored ones', async () => {
  const { stdout } = await zipSources();
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim();
  expect(stdout).toContain(`Sources archive of commit ${head}`);
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: clone, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .sort();
  expect(tracked).toContain('package-lock.json');
  const entries = zipFileNames(archive);
  expect(entries).toEqual(tracked);
  for (const stray of [...STRAYS, 'node_modules']) expect(entries).not.toContain(stray);
  expect(entries.filter((entry) => entry.startsWith('node_modules/'))).toEqual([]);
});

it('is refused, and not written, while a tracked file differs from HEAD', async () => {
  rmSync(archive, { force: true });
  appendFileSync(join(clone, 'README.md'), '\nAn uncommitted line.\n');
  const failure = await zipSources().then(
    () => null,
    (error: { code?: number; stderr?: string }) => error,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stderr).toMatch(/Tracked files differ from HEAD[\s\S]*README\.md/);
  expect(existsSync(archive)).toBe(false);
});
