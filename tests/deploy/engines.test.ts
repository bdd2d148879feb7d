/**
 * The Node version the README promises is one every installed package accepts: no EBADENGINE from
 * `npm install` on it (listr2 10, through WXT, wanted Node 22.13; package.json pins 9.0.5).
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};

it('every package in the lock file accepts the oldest Node that package.json allows', () => {
  const oldest = semver.minVersion(pkg.engines.node)!.version;
  const refusing = Object.entries(lock.packages)
    .filter(([, entry]) => !Array.isArray(entry.engines) && entry.engines?.node)
    .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as { node: string }).node))
    .map(([path, entry]) => `${path} wants node ${(entry.engines as { node: string }).node}`);
  expect(refusing, `these would warn EBADENGINE on Node ${oldest}`).toEqual([]);
});

it('the README states the same minimum as package.json', () => {
  const oldest = semver.minVersion(pkg.engines.node)!;
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  expect(readme).toContain(`Node ${oldest.major}.${oldest.minor} or later`);
});
