/** An advocate's own settings: name, team and privacy choices, read and changed (their leaderboard copies too). */
import type { Kysely } from 'kysely';
import type { MePatch } from '../../lib/schemas';
import type { Database } from '../db/schema';

export function advocateSettings(db: Kysely<Database>, advocateId: string) {
  return db
    .selectFrom('advocates')
    .select(['name', 'team', 'click_tracking', 'leaderboard', 'language', 'language_source'])
    .where('id', '=', advocateId)
    .executeTakeFirstOrThrow();
}

export async function updateAdvocateSettings(db: Kysely<Database>, advocateId: string, patch: MePatch): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('advocates')
      .set({
        ...(patch.clickTracking !== undefined ? { click_tracking: patch.clickTracking ? 1 : 0 } : {}),
        ...(patch.leaderboard !== undefined ? { leaderboard: patch.leaderboard ? 1 : 0 } : {}),
        ...(patch.team !== undefined ? { team: patch.team } : {}),
        // Chosen in the popup, or (null) automatic again: the IdP's or the browser's next time.
        ...(patch.language !== undefined
          ? { language: patch.language, language_source: patch.language === null ? null : 'chosen' }
          : {}),
      })
      .where('id', '=', advocateId)
      .execute();
    // The leaderboard's copies of these, so it stays one index scan.
    if (patch.leaderboard !== undefined || patch.team !== undefined) {
      await trx
        .updateTable('advocate_points')
        .set({
          ...(patch.leaderboard !== undefined ? { listed: patch.leaderboard ? 1 : 0 } : {}),
          ...(patch.team !== undefined ? { team: patch.team } : {}),
        })
        .where('advocate_id', '=', advocateId)
        .execute();
    }
  });
}
