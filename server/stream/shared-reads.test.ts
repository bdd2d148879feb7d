/** A publish's batches share one read of the changed posts and of the documents; a failed read is read again by the next batch. */
import { describe, expect, it } from 'vitest';
import type { Deps } from '../context';
import type { ContentRow } from '../services/content';
import type { DocumentBodies } from '../services/documents';
import { SharedReads, type PublishReads } from './inline-sync';

/** Counts the reads; the first `failures` of each kind fail. */
function counting(failures = 0) {
  const calls = { rows: [] as string[], documents: 0 };
  let rowFailures = failures;
  let documentFailures = failures;
  const source: PublishReads = {
    changedRows: async (since) => {
      calls.rows.push(`${since.seq} ${since.time}`);
      if (rowFailures-- > 0) throw new Error('connection reset');
      return [{ id: `after-${since.seq}` } as ContentRow];
    },
    readDocuments: async () => {
      calls.documents++;
      if (documentFailures-- > 0) throw new Error('connection reset');
      return { selectors: {} } as DocumentBodies;
    },
  };
  return { calls, reads: new SharedReads({} as Deps, 0, source) };
}

describe('SharedReads', () => {
  it('reads the changed posts once per cursor and the documents once, whatever the number of batches', async () => {
    const { calls, reads } = counting();
    const batches = await Promise.all(
      [1, 2, 3].map(() => Promise.all([reads.changedRows({ seq: 7, time: 100 }), reads.readDocuments()])),
    );
    expect(calls).toEqual({ rows: ['7 100'], documents: 1 });
    expect(batches[2]![0]).toBe(batches[0]![0]);
    expect((await reads.changedRows({ seq: 5, time: 100 }))[0]!.id).toBe('after-5');
    expect(calls.rows).toEqual(['7 100', '5 100']);
  });

  it('forgets a failed read: the batch that saw it fails, the next one reads again', async () => {
    const { calls, reads } = counting(1);
    await expect(reads.changedRows({ seq: 7, time: 100 })).rejects.toThrow('connection reset');
    await expect(reads.readDocuments()).rejects.toThrow('connection reset');
    expect((await reads.changedRows({ seq: 7, time: 100 }))[0]!.id).toBe('after-7');
    expect(await reads.readDocuments()).toEqual({ selectors: {} });
    expect(calls).toEqual({ rows: ['7 100', '7 100'], documents: 2 });
  });
});
