import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DurableQueue } from './queue';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relay-spool-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function queue(dir: string | null, memoryItems = 1_000, extra: { maxBytes?: number; segmentItems?: number } = {}) {
  const q = new DurableQueue<{ n: number }>({
    label: 'test items',
    dir,
    memoryItems,
    maxBytes: extra.maxBytes ?? 10_000_000,
    segmentItems: extra.segmentItems ?? 10,
    syncMs: 5,
  });
  q.open();
  return q;
}

/** Takes everything out in batches, acknowledging each, and returns the numbers seen. */
function drain(q: DurableQueue<{ n: number }>, batch = 7): number[] {
  const seen: number[] = [];
  for (;;) {
    const items = q.peek(batch);
    if (items.length === 0) return seen;
    seen.push(...items.map((item) => item.n));
    q.ack(items.length);
  }
}

const segmentFiles = (root: string) =>
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(join(root, entry.name)).filter((name) => name.endsWith('.jsonl')));

describe('DurableQueue', () => {
  it('in memory only: hands items out in order until acknowledged, and refuses past its cap', () => {
    const q = queue(null, 5);
    for (let n = 0; n < 7; n++) q.push({ n });
    expect(q.stats).toMatchObject({ pushed: 5, refused: 2 });
    expect(q.peek(3).map((item) => item.n)).toEqual([0, 1, 2]);
    // Not acknowledged: the same items again.
    expect(q.peek(3).map((item) => item.n)).toEqual([0, 1, 2]);
    q.ack(2);
    expect(q.size).toBe(3);
    expect(drain(q)).toEqual([2, 3, 4]);
  });

  it('writes items to disk within syncMs and deletes each file once all its items are acknowledged', async () => {
    const root = freshDir();
    const q = queue(root);
    for (let n = 0; n < 25; n++) q.push({ n });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(segmentFiles(root)).toHaveLength(3);
    q.ack(0);
    const first = q.peek(10);
    q.ack(first.length);
    expect(segmentFiles(root)).toHaveLength(2);
    expect(drain(q)).toEqual(Array.from({ length: 15 }, (_, i) => i + 10));
    expect(segmentFiles(root)).toHaveLength(0);
    q.close();
    // Nothing left: the instance folder is gone too.
    expect(readdirSync(root)).toEqual([]);
  });

  it('past the memory cap, items wait on disk only and still come out exactly once', () => {
    const root = freshDir();
    const q = queue(root, 10);
    const outcomes = Array.from({ length: 40 }, (_, n) => q.push({ n }));
    expect(outcomes.filter((o) => o === 'memory')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'disk')).toHaveLength(30);
    expect(q.size).toBe(40);
    const seen = drain(q, 4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(q.size).toBe(0);
  });

  it('refuses what would pass the disk cap once memory is full', () => {
    const root = freshDir();
    const q = queue(root, 2, { maxBytes: 40 });
    const outcomes = Array.from({ length: 8 }, (_, n) => q.push({ n }));
    // Every item is written to disk, those in memory too: {"n":N} and a newline is 8 bytes, so 40
    // bytes hold five lines: 2 also in memory, 3 on disk only.
    expect(outcomes).toEqual(['memory', 'memory', 'disk', 'disk', 'disk', 'refused', 'refused', 'refused']);
    expect(drain(q).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
  });

  it('a new process takes over what a killed one left on disk, skipping a torn last line', () => {
    const root = freshDir();
    const before = queue(root, 5);
    for (let n = 0; n < 23; n++) before.push({ n });
    before.sync();
    before.ack(0);
    // Killed here: no close(). The last write of a file was cut short.
    const folder = readdirSync(root)[0]!;
    const last = readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.jsonl'))
      .sort()
      .pop()!;
    appendFileSync(join(root, folder, last), '{"n":99');

    const after = queue(root, 5);
    expect(readdirSync(root)).toHaveLength(1);
    expect(after.size).toBe(23);
    expect(drain(after).sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, n) => n));
    expect(after.stats.corruptLines).toBe(1);
  });

  it('leaves alone a folder whose owner is still running', () => {
    const root = freshDir();
    const running = queue(root);
    running.push({ n: 1 });
    running.sync();
    // Made to look like another process on this host that is alive (pid 1 always is).
    const ownerFile = join(root, readdirSync(root)[0]!, 'owner.json');
    const owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(ownerFile, JSON.stringify({ ...owner, pid: 1 }));
    const second = queue(root);
    expect(second.size).toBe(0);
    expect(readdirSync(root)).toHaveLength(2);
    expect(drain(running)).toEqual([1]);
  });

  it('when the disk refuses writes, keeps what it holds in memory and refuses what would be on disk only', () => {
    const root = freshDir();
    const q = queue(root, 3);
    q.push({ n: 0 });
    q.sync();
    // The folder vanishes (a disk that fails): writes now fail.
    rmSync(root, { recursive: true, force: true });
    q.push({ n: 1 });
    q.push({ n: 2 });
    expect(q.sync()).toBe(false);
    expect(q.push({ n: 3 })).toBe('refused');
    expect(drain(q)).toEqual([0, 1, 2]);
  });
});
