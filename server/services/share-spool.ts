/** Shares taken while the database is unreachable: on disk before they are acknowledged, written once it is back. */
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { CheckedShare } from '../../lib/share-rules';
import type { DialectName } from '../db';
import type { DatabaseAvailability } from '../db/availability';
import type { Database } from '../db/schema';
import type { ScoreKeeper } from './scores';
import { storeShares } from './share-store';
import { DurableQueue, type SpoolSettings } from './spool/queue';
import { SpoolWriter } from './spool/writer';

/** One request's checked shares, as they wait. Short keys: it is written to disk. */
interface HeldShares {
  /** Advocate id. */
  a: string;
  e: CheckedShare[];
  /** When the server took them (epoch ms). */
  t: number;
}

export class ShareSpool {
  private readonly queue: DurableQueue<HeldShares>;
  private readonly writer: SpoolWriter<HeldShares>;

  constructor(
    db: Kysely<Database>,
    dialect: DialectName,
    scores: Pick<ScoreKeeper, 'schedule'>,
    availability: DatabaseAvailability,
    spool: SpoolSettings,
  ) {
    this.queue = new DurableQueue<HeldShares>({
      label: 'shares',
      dir: spool.dir === null ? null : join(spool.dir, 'shares'),
      memoryItems: Math.max(100, Math.floor(spool.memoryItems / 10)),
      maxBytes: spool.maxBytes,
    });
    this.writer = new SpoolWriter({
      label: 'shares',
      queue: this.queue,
      batchSize: 50,
      availability,
      spoolDir: spool.dir,
      write: async (batch) => {
        // Stored by event id: a batch written again after a failure stores nothing twice.
        for (const held of batch) await storeShares(db, dialect, held.a, held.e, held.t);
        scores.schedule([...new Set(batch.map((held) => held.a))]);
      },
    });
  }

  /** Takes over shares an earlier run left on disk. */
  open(): void {
    this.queue.open();
    if (this.queue.size > 0) this.writer.kick();
  }

  /** Requests waiting. */
  get pending(): number {
    return this.queue.size;
  }

  /**
   * Keeps a request's shares until the database takes them, written to disk before this returns
   * (when there is a spool folder). True when that worked, so the request may be acknowledged: a
   * crash after the answer loses nothing. False when there was no room, or the disk refused them
   * (they may still be written from memory; the client sends them again, and event ids make the
   * second copy a duplicate).
   */
  hold(advocateId: string, events: CheckedShare[], now: number): boolean {
    if (this.queue.push({ a: advocateId, e: events, t: now }) === 'refused') return false;
    const durable = this.queue.sync();
    this.writer.kick();
    return durable;
  }

  /** Writes what it can within `deadlineMs`; what is left stays on disk for the next start. */
  async close(deadlineMs: number): Promise<number> {
    const left = await this.writer.close(deadlineMs);
    this.queue.close();
    if (left > 0) console.error(`shares: ${left} requests' shares could not be written yet; kept for the next start`);
    return left;
  }
}
