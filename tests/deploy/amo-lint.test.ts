/**
 * AMO readiness: `wxt zip -b firefox` (one build, into a temporary output directory) makes an
 * add-on that Mozilla's addons-linter (through `web-ext lint`) passes with no error and no warning,
 * whose zip holds exactly the linted files, and whose manifest declares the data Relay sends.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { firefoxDataCollectionPermissions } from '../../lib/data-collection';
import { cleanEnv } from '../helpers/child-process';
import { zipFileNames } from '../helpers/zip-entries';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'node_modules/.bin');

/** Linter notices accepted, by code, each with the reason (none so far: any notice fails until listed). */
const ALLOWED_NOTICES: Record<string, string> = {};

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
interface LintReport {
  errors: Finding[];
  warnings: Finding[];
  notices: Finding[];
}

let out: string;
let addonDir: string;
let addonZip: string;
let report: LintReport;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => relative(dir, join(dir, name)).replaceAll('\\', '/'))
    .sort();
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'relay-amo-'));
  const env = cleanEnv({ RELAY_OUTPUT_DIR: out });
  await run(join(BIN, 'wxt'), ['zip', '-b', 'firefox'], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
  const dirs = readdirSync(out).filter((name) => /^firefox-mv[23]$/.test(name));
  const zips = readdirSync(out).filter((name) => name.endsWith('-firefox.zip'));
  expect(dirs, readdirSync(out).join(', ')).toHaveLength(1);
  expect(zips, readdirSync(out).join(', ')).toHaveLength(1);
  addonDir = join(out, dirs[0]!);
  addonZip = join(out, zips[0]!);
  // web-ext exits non-zero when the linter finds errors; the report is on stdout either way.
  const lint = await run(
    join(BIN, 'web-ext'),
    ['lint', '--source-dir', addonDir, '--output', 'json', '--no-config-discovery'],
    { cwd: out, env, maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  report = JSON.parse(lint.stdout) as LintReport;
}, 240_000);
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const describe = (findings: Finding[]) =>
  findings.map((f) => `${f.code} ${f.file ?? ''}${f.line ? `:${f.line}` : ''} ${f.message}`).join('\n');

it('addons-linter finds no error and no warning, and only notices listed with a reason', () => {
  expect(describe(report.errors)).toBe('');
  expect(describe(report.warnings)).toBe('');
  const unexplained = report.notices.filter((notice) => !(notice.code in ALLOWED_NOTICES));
  expect(describe(unexplained)).toBe('');
});

it('the zip for AMO holds exactly the files that were linted', () => {
  const linted = filesUnder(addonDir);
  expect(linted).toContain('manifest.json');
  expect(zipFileNames(addonZip)).toEqual(linted);
});

it('the manifest has a gecko id, declares the data Relay sends, and asks for a Firefox that knows the key', () => {
  const manifest = JSON.parse(readFileSync(join(addonDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: {
      gecko: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
    };
  };
  const gecko = manifest.browser_specific_settings.gecko;
  expect(gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
  expect(gecko.data_collection_permissions).toEqual(firefoxDataCollectionPermissions());
  // Built-in data consent: Firefox 140 on desktop, 142 on Android.
  expect(Number(gecko.strict_min_version?.split('.')[0])).toBeGreaterThanOrEqual(142);
});
