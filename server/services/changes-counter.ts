/**
 * The change counter: one row every advocate-visible write increments inside its transaction.
 * The row lock makes concurrent writers take numbers in commit order on PostgreSQL (SQLite writes
 * are serial anyway), so a sync that read counter value S has seen every change numbered <= S.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

export async function nextSeq(trx: Transaction<Database> | Kysely<Database>): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'seq')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
