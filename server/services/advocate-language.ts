/** An advocate's content language: set from the popup ('chosen'), the identity provider or SCIM ('idp'), or the extension's Accept-Language ('browser'), the first winning. */
import type { Kysely, Transaction } from 'kysely';
import { mayReplaceLanguage, normalizeLanguageTag, type LanguageSource } from '../../lib/languages';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Records `value` (a tag, normalised; anything else is ignored) as the advocate's language from
 * `source`, unless a stronger source set it (chosen > idp > browser). True when it changed.
 */
export async function offerLanguage(
  db: Db,
  advocateId: string,
  value: unknown,
  source: Exclude<LanguageSource, 'chosen'>,
  current?: { language: string | null; languageSource: string | null },
): Promise<boolean> {
  const tag = normalizeLanguageTag(value);
  if (tag === undefined) return false;
  const known =
    current ??
    (await db
      .selectFrom('advocates')
      .select(['language', 'language_source as languageSource'])
      .where('id', '=', advocateId)
      .executeTakeFirst());
  if (!known || !mayReplaceLanguage(known.languageSource, source)) return false;
  if (known.language === tag && known.languageSource === source) return false;
  // Only where the source still may: a concurrent choice in the popup is not overwritten.
  const weaker = source === 'idp' ? ['idp', 'browser'] : ['browser'];
  const result = await db
    .updateTable('advocates')
    .set({ language: tag, language_source: source })
    .where('id', '=', advocateId)
    .where((eb) => eb.or([eb('language_source', 'is', null), eb('language_source', 'in', weaker)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
