/**
 * Storing checked share events with a bounded history: each advocate keeps at most
 * STORED_SHARES_PER_SLOT events per content item and network, the earliest ones. Scoring counts
 * only the earliest (lib/scoring/), so the cap never changes a score; the few kept beside it let
 * analytics see a post shared again now and then. Event ids are made by the client: one already
 * stored is a duplicate, whoever sent it.
 */
import { sql, type Kysely } from 'kysely';
import type { CheckedShare } from '../../lib/share-rules';
import type { DialectName } from '../db';
import type { Database } from '../db/schema';

/**
 * Stored events per (advocate, content, network). Past it, an event later than all of them is
 * acknowledged as a duplicate and not stored; an earlier one takes the place of the latest, so the
 * earliest (the one that counts) is always kept.
 */
export const STORED_SHARES_PER_SLOT = 5;

interface SlotEntry {
  id: string;
  sharedAt: number;
  personalized: boolean;
  /** Not stored yet: part of this request. */
  fresh: boolean;
}

/** Scoring's order within a slot: earlier first, a personalised one before one that is not, then id. */
function compareEntries(a: Omit<SlotEntry, 'fresh'>, b: Omit<SlotEntry, 'fresh'>): number {
  return (
    a.sharedAt - b.sharedAt ||
    Number(b.personalized) - Number(a.personalized) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const slotKey = (contentId: string, network: string) => `${contentId}\u0000${network}`;

/**
 * Stores this advocate's checked events (duplicates by id, in the request or stored, skipped) within
 * the cap, in one transaction. Returns how many were stored.
 */
export async function storeShares(
  db: Kysely<Database>,
  dialect: DialectName,
  advocateId: string,
  events: readonly CheckedShare[],
  now: number,
): Promise<number> {
  const byId = new Map<string, CheckedShare>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  return db.transaction().execute(async (trx) => {
    // One request per advocate at a time, so two cannot both fill the same slot. An advisory lock,
    // not the advocate's row, which a recomputation of their points may hold for a while.
    if (dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`relay.shares ${advocateId}`}, 0))`.execute(trx);
    }
    const known = new Set(
      (
        await trx
          .selectFrom('shares')
          .select('id')
          .where('id', 'in', [...byId.keys()])
          .execute()
      ).map((row) => row.id),
    );
    const fresh = [...byId.values()].filter((event) => !known.has(event.id));
    if (fresh.length === 0) return 0;
    fresh.sort(compareEntries);

    const slots = new Map<string, SlotEntry[]>();
    const stored = await trx
      .selectFrom('shares')
      .select(['id', 'content_id', 'network', 'shared_at', 'personalized'])
      .where('advocate_id', '=', advocateId)
      .where('content_id', 'in', [...new Set(fresh.map((event) => event.contentId))])
      .execute();
    for (const row of stored) {
      const key = slotKey(row.content_id, row.network);
      const entry = {
        id: row.id,
        sharedAt: Number(row.shared_at),
        personalized: Number(row.personalized) === 1,
        fresh: false,
      };
      const list = slots.get(key);
      if (list) list.push(entry);
      else slots.set(key, [entry]);
    }
    for (const list of slots.values()) list.sort(compareEntries);

    const inserts = new Map<string, CheckedShare>();
    const evicted: string[] = [];
    for (const event of fresh) {
      const key = slotKey(event.contentId, event.network);
      let list = slots.get(key);
      if (!list) slots.set(key, (list = []));
      const entry: SlotEntry = {
        id: event.id,
        sharedAt: event.sharedAt,
        personalized: event.personalized,
        fresh: true,
      };
      if (list.length >= STORED_SHARES_PER_SLOT) {
        const latest = list[list.length - 1]!;
        if (compareEntries(entry, latest) >= 0) continue;
        list.pop();
        if (latest.fresh) inserts.delete(latest.id);
        else evicted.push(latest.id);
      }
      const at = list.findIndex((other) => compareEntries(entry, other) < 0);
      list.splice(at === -1 ? list.length : at, 0, entry);
      inserts.set(event.id, event);
    }
    if (evicted.length > 0) await trx.deleteFrom('shares').where('id', 'in', evicted).execute();
    if (inserts.size === 0) return 0;
    const inserted = await trx
      .insertInto('shares')
      .values(
        [...inserts.values()].map((event) => ({
          id: event.id,
          advocate_id: advocateId,
          content_id: event.contentId,
          network: event.network,
          shared_at: event.sharedAt,
          personalized: event.personalized ? 1 : 0,
          received_at: now,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0);
  });
}
