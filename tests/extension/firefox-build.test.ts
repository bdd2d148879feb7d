import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

describe('Firefox build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'relay-firefox-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("builds, and Mozilla's addons-linter (web-ext lint) reports no errors", () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'], {
      cwd: ROOT,
      env: { ...process.env, RELAY_OUTPUT_DIR: outDir },
      stdio: 'pipe',
    });
    const dir = join(outDir, 'firefox-mv2');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toBe('relay@relay.invalid');
    expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'alarms', 'notifications']));
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    let output: string;
    try {
      output = execFileSync(
        join(ROOT, 'node_modules/.bin/web-ext'),
        ['lint', '--source-dir', dir, '--output', 'json'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (error) {
      // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as { summary: { errors: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
