/**
 * Publishing past must-fix guidelines: the check every publish makes (422 must-fix listing what
 * fails, unless the admin gives a reason), the override recorded when they do, and the admin item
 * that shows it.
 */
import type { Kysely, Transaction } from 'kysely';
import { mustFixFailures, sampleTrackedLink, type MustFixFailure } from '../../lib/guidelines';
import type { ContentItem, ContentOverride, Network, Translations, Variants } from '../../lib/schemas';
import type { Deps } from '../context';
import type { Database } from '../db/schema';
import { ProblemError } from '../problem';
import { toContentItem, type ContentRow } from './content';
import { readDocuments } from './documents';
import { reviewsOf } from './approvals';

/** What a publishing write does about must-fix rules, run inside its transaction (at the write's time). */
export type OverrideWrite = (trx: Transaction<Database>, write: { id: string; updated_at: number }) => Promise<void>;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Checks a post about to be published (or scheduled) against the current guidelines, every
 * variant as advocates will share it. Throws 422 `must-fix` listing the failures unless
 * `overrideReason` is given; returns what to write with the publish: the override (when rules
 * were overridden) or its removal (the post now passes).
 */
export async function checkPublish(
  deps: Pick<Deps, 'db' | 'config'>,
  post: { variants: Variants; networks: readonly Network[]; language?: string | null; translations?: Translations },
  overrideReason: string | undefined,
  adminId: string,
): Promise<OverrideWrite> {
  const { guidelines } = await readDocuments(deps.db);
  const failures = mustFixFailures(post, guidelines, sampleTrackedLink(deps.config.publicUrl));
  if (failures.length === 0) {
    return async (trx, write) => {
      await trx.deleteFrom('content_overrides').where('content_id', '=', write.id).execute();
    };
  }
  if (overrideReason === undefined) {
    throw new ProblemError(
      422,
      `This post breaks ${plural(failures.length, 'must-fix rule')}. Fix the variants, or publish anyway with an overrideReason, which is recorded.`,
      { type: 'must-fix', title: 'Breaks must-fix guidelines', extensions: { failures } },
    );
  }
  return async (trx, write) => {
    const values = {
      content_id: write.id,
      admin_id: adminId,
      reason: overrideReason,
      failures: JSON.stringify(failures),
      created_at: write.updated_at,
    };
    await trx
      .insertInto('content_overrides')
      .values(values)
      .onConflict((oc) =>
        oc.column('content_id').doUpdateSet({
          admin_id: values.admin_id,
          reason: values.reason,
          failures: values.failures,
          created_at: values.created_at,
        }),
      )
      .execute();
  };
}

/** Each content item's recorded override, by content id, with the admin's name or email while they exist. */
async function overridesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, ContentOverride>> {
  const found = new Map<string, ContentOverride>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('content_overrides')
    .leftJoin('admins', 'admins.id', 'content_overrides.admin_id')
    .select([
      'content_overrides.content_id',
      'content_overrides.admin_id',
      'content_overrides.reason',
      'content_overrides.failures',
      'content_overrides.created_at',
      'admins.name',
      'admins.email',
    ])
    // A long list reads every override (they are few) rather than a parameter per id.
    .$if(ids.length <= 500, (query) => query.where('content_overrides.content_id', 'in', [...ids]))
    .execute();
  for (const row of rows) {
    found.set(row.content_id, {
      reason: row.reason,
      by: row.admin_id,
      byName: row.name ?? row.email ?? null,
      at: new Date(Number(row.created_at)).toISOString(),
      failures: JSON.parse(row.failures) as MustFixFailure[],
    });
  }
  return found;
}

/** Content items as admins read them: with their override and their latest review (services/approvals.ts). */
export async function adminItems(
  db: Kysely<Database>,
  rows: readonly ContentRow[],
  now: number,
): Promise<ContentItem[]> {
  const ids = rows.map((row) => row.id);
  const [overrides, reviews] = await Promise.all([overridesOf(db, ids), reviewsOf(db, ids)]);
  return rows.map((row) => ({
    ...toContentItem(row, now),
    override: overrides.get(row.id) ?? null,
    review: reviews.get(row.id) ?? null,
  }));
}

export async function adminItem(db: Kysely<Database>, row: ContentRow, now: number): Promise<ContentItem> {
  return (await adminItems(db, [row], now))[0]!;
}
