/**
 * Audiences and languages (issue 19). A post names its audiences (group ids, `region:XX`,
 * `language:xx`; none: everyone) and carries translations of its variants per language. An
 * advocate has a region and a language, with where the language came from.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('content')
    // JSON: string[]; [] is everyone.
    .addColumn('audiences', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('content')
    // JSON: {[language]: {title?, variants}}; {} is the default language only.
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('advocates').addColumn('region', 'varchar(64)').execute();
  await db.schema.alterTable('advocates').addColumn('language', 'varchar(35)').execute();
  // 'chosen' (in the popup), 'idp' (the locale claim or SCIM), or null: the browser's, per request.
  await db.schema.alterTable('advocates').addColumn('language_source', 'varchar(16)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['language_source', 'language', 'region']) {
    await db.schema.alterTable('advocates').dropColumn(column).execute();
  }
  await db.schema.alterTable('content').dropColumn('translations').execute();
  await db.schema.alterTable('content').dropColumn('audiences').execute();
}
