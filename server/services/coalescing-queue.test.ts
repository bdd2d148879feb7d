import { describe, expect, it } from 'vitest';
import { CoalescingQueue } from './coalescing-queue';

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('CoalescingQueue', () => {
  it('returns at once, runs one batch at a time, and merges keys added meanwhile', async () => {
    const batches: string[][] = [];
    let running = 0;
    let most = 0;
    const first = gate();
    const queue = new CoalescingQueue(async (keys) => {
      running++;
      most = Math.max(most, running);
      batches.push([...keys].sort());
      if (batches.length === 1) await first.promise;
      running--;
    });
    queue.add(['a']);
    queue.add(['b']); // the first batch took "a" already: "b" waits
    expect(batches).toEqual([['a']]);
    queue.add(['c', 'b', 'a']);
    expect(queue.size).toBe(4); // "a" in flight; "a", "b", "c" waiting
    first.open();
    await queue.idle();
    expect(batches).toEqual([['a'], ['a', 'b', 'c']]);
    expect(most).toBe(1);
    expect(queue.size).toBe(0);
  });

  it('logs a failure and retries the keys after a pause, merged with those added since', async () => {
    const errors: { keys: readonly string[]; pause: number }[] = [];
    const batches: string[][] = [];
    const queue = new CoalescingQueue(
      async (keys) => {
        batches.push([...keys].sort());
        if (batches.length <= 2) throw new Error('database unreachable');
      },
      { retryMs: 5, onError: (_error, keys, pause) => errors.push({ keys: [...keys].sort(), pause }) },
    );
    queue.add(['x']);
    queue.add(['y']);
    await queue.idle();
    expect(errors).toEqual([
      { keys: ['x'], pause: 5 },
      { keys: ['x', 'y'], pause: 10 },
    ]);
    expect(batches).toEqual([['x'], ['x', 'y'], ['x', 'y']]);
  });

  it('close() waits for the queue to empty within its bound', async () => {
    const done: string[] = [];
    const queue = new CoalescingQueue(async (keys) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      done.push(...keys);
    });
    queue.add(['a', 'b']);
    expect(await queue.close(5_000)).toEqual([]);
    expect(done.sort()).toEqual(['a', 'b']);
    queue.add(['late']);
    await queue.idle();
    expect(done).not.toContain('late');
  });

  it('close() gives up after its bound and hands back what it abandoned', async () => {
    const stuck = gate();
    const queue = new CoalescingQueue(async () => stuck.promise);
    queue.add(['running']);
    queue.add(['waiting']);
    const started = Date.now();
    const abandoned = await queue.close(50);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(abandoned.sort()).toEqual(['running', 'waiting']);
    stuck.open();
    await queue.idle();
  });

  it('close() cuts a retry pause short instead of waiting it out', async () => {
    const queue = new CoalescingQueue(
      async () => {
        throw new Error('down');
      },
      { retryMs: 60_000, onError: () => {} },
    );
    queue.add(['a']);
    const started = Date.now();
    expect(await queue.close(30)).toEqual(['a']);
    await queue.idle();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('CoalescingQueue with spacing', () => {
  it('runs the first batch at once, then at most one batch per interval, merging what came meanwhile', async () => {
    const starts: { at: number; keys: string[] }[] = [];
    const began = performance.now();
    const queue = new CoalescingQueue(
      async (keys) => {
        starts.push({ at: performance.now() - began, keys: [...keys].sort() });
      },
      { spacingMs: 150 },
    );
    queue.add(['a']);
    await queue.idle();
    expect(starts).toHaveLength(1);
    expect(starts[0]!.at).toBeLessThan(100);
    queue.add(['b']);
    queue.add(['c']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    queue.add(['b', 'd']);
    await queue.idle();
    expect(starts.map((start) => start.keys)).toEqual([['a'], ['b', 'c', 'd']]);
    expect(starts[1]!.at - starts[0]!.at).toBeGreaterThanOrEqual(145);
  });

  it('close() runs what waits for the spacing at once instead of abandoning it', async () => {
    const batches: string[][] = [];
    const queue = new CoalescingQueue(
      async (keys) => {
        batches.push([...keys]);
      },
      { spacingMs: 60_000 },
    );
    queue.add(['a']);
    await queue.idle();
    queue.add(['b']);
    const began = performance.now();
    expect(await queue.close(5_000)).toEqual([]);
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(batches).toEqual([['a'], ['b']]);
  });
});
