/** twitter-text behind one module: the weighted overflow at any limit, and no other lib/ module importing it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { weightedOverflow, xWeightedLength } from './twitter';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('weightedOverflow', () => {
  it.each([100, 280, 500])('finds where a text over %i begins, links and wide characters counted', (max) => {
    const text = `${'字'.repeat(Math.floor(max / 2) - 20)} https://example.com/${'a'.repeat(60)} ${'b'.repeat(40)}`;
    const over = weightedOverflow(text, max);
    expect(over?.length).toBe(xWeightedLength(text));
    const start = over!.start!;
    expect(xWeightedLength(text.slice(0, start))).toBeLessThanOrEqual(max);
    expect(xWeightedLength(text.slice(0, start + 1))).toBeGreaterThan(max);
    expect(weightedOverflow(text, xWeightedLength(text))).toBeUndefined();
  });
});

describe('twitter-text', () => {
  it("is imported by this module alone in lib/ (LinkedIn's scripts alias it to a small stand-in)", () => {
    const root = join(import.meta.dirname, '..', '..');
    const importers = sources(root)
      .filter((path) => /from ['"]twitter-text['"]/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path));
    expect(importers).toEqual([join('guidelines', 'length', 'twitter.ts')]);
  });
});
