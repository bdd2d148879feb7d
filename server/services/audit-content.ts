/** Richer audit entries for content routes: the title as the target's label, {before, after} of changed fields, and must-fix overrides as their own entry (content.override). */
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../context';
import { toContentItem, type ContentRow } from './content';
import { recordAudit } from './audit';

/** The fields that differ between two versions of a thing, as {before, after}. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignore: readonly string[] = [],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const was: Record<string, unknown> = {};
  const is: Record<string, unknown> = {};
  for (const key of keys) {
    if (ignore.includes(key) || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    was[key] = before[key] ?? null;
    is[key] = after[key] ?? null;
  }
  return { before: was, after: is };
}

/** Fields that move on their own (counts, times of the write) are not part of an edit's change. */
const VOLATILE = ['updatedAt', 'createdAt', 'status', 'override', 'shares', 'clicks'];

/** Sets the request's entry: target content (id and title) and the change given, or {before, after} of the item. */
export function noteContent(
  c: Context<AppEnv>,
  row: ContentRow,
  change: unknown | { from: ContentRow; now: number },
): void {
  let shaped = change;
  if (change && typeof change === 'object' && 'from' in change && 'now' in change) {
    const { from, now } = change as { from: ContentRow; now: number };
    shaped = changedFields(
      toContentItem(from, now) as unknown as Record<string, unknown>,
      toContentItem(row, now) as unknown as Record<string, unknown>,
      VOLATILE,
    );
  }
  c.set('audit', { target: { type: 'content', id: row.id, label: row.title }, change: shaped });
}

/**
 * When this write published past must-fix rules (a content_overrides row written with it), records
 * content.override with the reason and the failed rules, so the action filter finds every override.
 */
export async function recordOverride(
  deps: Pick<Deps, 'db' | 'now'>,
  c: Context<AppEnv>,
  row: ContentRow,
): Promise<void> {
  const override = await deps.db
    .selectFrom('content_overrides')
    .select(['reason', 'failures', 'created_at'])
    .where('content_id', '=', row.id)
    .where('created_at', '=', row.updated_at)
    .executeTakeFirst();
  if (!override) return;
  const admin = c.get('admin');
  await recordAudit(
    deps.db,
    {
      actor: { type: 'admin', id: admin.id, label: admin.email },
      action: 'content.override',
      target: { type: 'content', id: row.id, label: row.title },
      change: { reason: override.reason, failures: JSON.parse(override.failures) as unknown },
    },
    deps.now(),
  );
}
