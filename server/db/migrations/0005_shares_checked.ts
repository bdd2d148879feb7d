/**
 * Shares scored on what the server can check: when content was live (kept when an archive or a
 * re-publish overwrites it), an index for the cap on stored events per advocate, content and
 * network, and names and teams cleaned of the control and invisible characters now refused.
 */
import { sql, type Kysely } from 'kysely';
import { cleanDisplayName } from '../../../lib/text';

/** A stored name that is nothing but invisible characters becomes this. */
const UNNAMED = 'Unnamed advocate';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('content').addColumn('live_from', 'bigint').execute();
  await db.schema.alterTable('content').addColumn('live_until', 'bigint').execute();
  // Archived before this column existed: taken as live from its publish time until it was last
  // changed (the archive, unless edited since). A draft archived with a past publishAt looks the
  // same and is taken as live too: the old rows cannot tell them apart.
  await sql`update content set live_from = publish_at, live_until = updated_at
    where status = 'archived' and publish_at is not null and publish_at <= updated_at`.execute(db);

  // The cap on stored events reads one advocate's events of a few content items and networks.
  await db.schema
    .createIndex('shares_slot')
    .on('shares')
    .columns(['advocate_id', 'content_id', 'network', 'shared_at'])
    .execute();

  const typed = db as Kysely<{
    advocates: { id: string; name: string; team: string | null };
    advocate_points: { advocate_id: string; team: string | null };
  }>;
  const advocates = await typed.selectFrom('advocates').select(['id', 'name', 'team']).execute();
  for (const advocate of advocates) {
    const name = cleanDisplayName(advocate.name) || UNNAMED;
    const team = advocate.team === null ? null : cleanDisplayName(advocate.team) || null;
    if (name === advocate.name && team === advocate.team) continue;
    await typed.updateTable('advocates').set({ name, team }).where('id', '=', advocate.id).execute();
    await typed.updateTable('advocate_points').set({ team }).where('advocate_id', '=', advocate.id).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('shares_slot').execute();
  await db.schema.alterTable('content').dropColumn('live_until').execute();
  await db.schema.alterTable('content').dropColumn('live_from').execute();
}
