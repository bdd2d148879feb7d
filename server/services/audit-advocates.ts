/** What audit entries about an advocate say: their name (a personal field, blanked on erasure) and how many browser tokens an action revoked. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export async function advocateForAudit(
  db: Kysely<Database>,
  id: string,
): Promise<{ name: string; tokens: number } | undefined> {
  const row = await db.selectFrom('advocates').select('name').where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const count = await db
    .selectFrom('advocate_tokens')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('advocate_id', '=', id)
    .executeTakeFirstOrThrow();
  return { name: row.name, tokens: Number(count.n) };
}
