/**
 * Writing content rows: every create, update, archive and publish goes through `saveContent`, so
 * each takes a fresh number from the change counter inside its transaction and connected
 * extensions hear about changes they can see. The admin routes and the demo seed share it.
 */
import type { ContentInput } from '../../lib/schemas';
import type { Deps } from '../context';
import { newId } from '../crypto';
import type { ContentTable } from '../db/schema';
import { nextSeq } from './changes-counter';
import type { OverrideWrite } from './content-overrides';
import { liveSoFar, resolveNetworks, toMillis, type ContentRow } from './content';

/** The columns a ContentInput sets (not id, status or the timestamps). */
export function contentColumns(input: ContentInput) {
  return {
    title: input.title,
    url: input.url,
    note: input.note ?? null,
    image_url: input.imageUrl ?? null,
    campaign: input.campaign ?? null,
    language: input.language ?? null,
    tags: JSON.stringify([...new Set(input.tags ?? [])]),
    variants: JSON.stringify(input.variants),
    networks: JSON.stringify(resolveNetworks(input.networks, input.variants)),
    publish_at: toMillis(input.publishAt),
    expires_at: toMillis(input.expiresAt),
    audiences: JSON.stringify(input.audiences ?? []),
    translations: JSON.stringify(input.translations ?? {}),
  };
}

/**
 * The recorded live time after a write at `now`: the row's live time so far joins what was
 * recorded, so shares of it stay checkable once an archive, a re-publish or a new publishAt or
 * expiresAt overwrites the columns that said when it was live.
 */
function recordLiveTime(before: ContentRow | undefined, now: number): Pick<ContentTable, 'live_from' | 'live_until'> {
  const recorded = { live_from: before?.live_from ?? null, live_until: before?.live_until ?? null };
  const past = before ? liveSoFar(before, now) : null;
  if (!past) return recorded;
  return {
    live_from: Math.min(recorded.live_from ?? past[0], past[0]),
    live_until: Math.max(recorded.live_until ?? past[1], past[1]),
  };
}

/**
 * Writes a change inside one transaction with a fresh change number, then tells connected
 * extensions when the change is one they can see (live before or after, or scheduled). `override`:
 * what a publish records about must-fix rules (content-overrides.ts), in the same transaction.
 */
export async function saveContent(
  deps: Pick<Deps, 'db' | 'changes'>,
  before: ContentRow | undefined,
  values: Omit<ContentTable, 'seq' | 'live_from' | 'live_until'>,
  override?: OverrideWrite,
): Promise<ContentRow> {
  const row = await deps.db.transaction().execute(async (trx) => {
    const seq = await nextSeq(trx);
    const next = { ...values, ...recordLiveTime(before, values.updated_at), seq };
    if (before) await trx.updateTable('content').set(next).where('id', '=', values.id).execute();
    else await trx.insertInto('content').values(next).execute();
    await override?.(trx, values);
    return next;
  });
  const visible = (r: ContentRow | undefined) => r !== undefined && r.status === 'published';
  if (visible(before) || visible(row)) deps.changes.changed(row.seq);
  return row;
}

/**
 * Creates a content item from validated input: a draft, or with `publish: true` live now (or
 * scheduled when publishAt is in the future). `id` is for callers that need a known id (the demo
 * seed, so a restart can tell its posts exist); otherwise a new random id is made.
 */
export async function createContent(
  deps: Pick<Deps, 'db' | 'changes' | 'now'>,
  input: ContentInput,
  options: { id?: string; override?: OverrideWrite; pending?: boolean } = {},
): Promise<ContentRow> {
  const now = deps.now();
  const publishAt = toMillis(input.publishAt);
  return saveContent(
    deps,
    undefined,
    {
      id: options.id ?? newId(),
      ...contentColumns(input),
      // pending: submitted for approval (services/approvals.ts).
      status: options.pending ? 'pending' : input.publish ? 'published' : 'draft',
      publish_at: input.publish && (publishAt === null || publishAt < now) ? now : publishAt,
      created_at: now,
      updated_at: now,
    },
    options.override,
  );
}
