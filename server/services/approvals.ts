/**
 * The approval workflow (issue 19): with the `approvals` document on, editors submit posts
 * (pending), someone else with content.review publishes (approves) or rejects them with a comment,
 * and an edit to the words of an approved post sends it back. Every step is kept
 * (content_review_steps); the latest review is shown on the post (ContentItem.review).
 */
import type { Kysely, Transaction } from 'kysely';
import { can } from '../../lib/roles';
import type { ContentPatch, ContentReview, ReviewState } from '../../lib/schemas';
import type { AdminPrincipal, Deps } from '../context';
import { newId } from '../crypto';
import type { Database } from '../db/schema';
import { ProblemError } from '../problem';
import type { ContentRow } from './content';
import type { OverrideWrite } from './content-overrides';
import { readDocument } from './documents';

type Db = Kysely<Database> | Transaction<Database>;
/** What a write does about reviews, inside its transaction (the same shape as a must-fix override write). */
export type ReviewWrite = OverrideWrite;

export async function approvalsOn(db: Kysely<Database>): Promise<boolean> {
  return (await readDocument(db, 'approvals')).enabled;
}

/** Both writes, in order, in one transaction. */
export function bothWrites(...writes: (OverrideWrite | undefined)[]): OverrideWrite {
  return async (trx, write) => {
    for (const each of writes) await each?.(trx, write);
  };
}

/**
 * The fields whose change sends an approved (scheduled or live) post back for approval: what
 * advocates read and share. campaign, tags, publishAt and expiresAt keep its approval.
 */
export const REVIEWED_FIELDS = [
  'title',
  'url',
  'note',
  'imageUrl',
  'language',
  'variants',
  'networks',
  'audiences',
  'translations',
] as const;

export function touchesReviewedFields(patch: ContentPatch): boolean {
  const changed = patch as Record<string, unknown>;
  return REVIEWED_FIELDS.some((field) => changed[field] !== undefined);
}

async function upsertReview(
  db: Db,
  contentId: string,
  values: Partial<Omit<Database['content_reviews'], 'content_id'>>,
): Promise<void> {
  const updated = await db.updateTable('content_reviews').set(values).where('content_id', '=', contentId).execute();
  if (Number(updated[0]?.numUpdatedRows ?? 0) > 0) return;
  await db
    .insertInto('content_reviews')
    .values({
      content_id: contentId,
      state: null,
      submitted_by: null,
      submitted_at: null,
      note: null,
      reviewed_by: null,
      reviewed_at: null,
      comment: null,
      edited_by: null,
      edited_at: null,
      ...values,
    })
    .execute();
}

async function addStep(db: Db, contentId: string, action: string, adminId: string, comment: string | null, at: number) {
  await db
    .insertInto('content_review_steps')
    .values({ id: newId(), content_id: contentId, action, admin_id: adminId, comment, at })
    .execute();
}

/** Records who last wrote the post (create or edit): they cannot approve it. */
export function editWrite(adminId: string): ReviewWrite {
  return (trx, write) => upsertReview(trx, write.id, { edited_by: adminId, edited_at: write.updated_at });
}

/** Submits the post (a submit, a create with submit: true, or an edit that sent it back: 'reopen'). */
export function submitWrite(adminId: string, note: string | null, action: 'submit' | 'reopen' = 'submit'): ReviewWrite {
  return async (trx, write) => {
    await upsertReview(trx, write.id, {
      state: 'pending',
      submitted_by: adminId,
      submitted_at: write.updated_at,
      note,
      reviewed_by: null,
      reviewed_at: null,
      comment: null,
    });
    await addStep(trx, write.id, action, adminId, note, write.updated_at);
  };
}

/** Records an approval (the publish) or a rejection with its comment. */
export function reviewWrite(adminId: string, state: Exclude<ReviewState, 'pending'>, comment: string | null) {
  return async (trx: Transaction<Database>, write: { id: string; updated_at: number }) => {
    await upsertReview(trx, write.id, { state, reviewed_by: adminId, reviewed_at: write.updated_at, comment });
    await addStep(trx, write.id, state === 'approved' ? 'approve' : 'reject', adminId, comment, write.updated_at);
  };
}

export interface ReviewRecord {
  state: string | null;
  submitted_by: string | null;
  edited_by: string | null;
}

export async function reviewRecord(db: Db, contentId: string): Promise<ReviewRecord | undefined> {
  return db
    .selectFrom('content_reviews')
    .select(['state', 'submitted_by', 'edited_by'])
    .where('content_id', '=', contentId)
    .executeTakeFirst();
}

/**
 * Whether `admin` may approve or reject this post now (approvals on): they review
 * (content.review; else 403 approval-required), it is pending (else 409 not-pending), and they
 * neither submitted nor last edited it (else 403 self-approval). Returns who submitted it.
 */
export async function checkReviewer(
  db: Kysely<Database>,
  row: ContentRow,
  admin: AdminPrincipal,
  verb: 'approve' | 'reject',
): Promise<string | null> {
  if (!can(admin.role, 'content.review')) {
    throw new ProblemError(
      403,
      'Approvals are on: submit this post for approval, and someone with the approver role publishes it.',
      { type: 'approval-required', title: 'Approval required' },
    );
  }
  if (row.status !== 'pending') {
    throw new ProblemError(409, `Only a post submitted for approval can be ${verb}d: this one is ${row.status}.`, {
      type: 'not-pending',
    });
  }
  const record = await reviewRecord(db, row.id);
  if (record && (record.submitted_by === admin.id || record.edited_by === admin.id)) {
    throw new ProblemError(403, `You submitted or last edited this post: someone else has to ${verb} it.`, {
      type: 'self-approval',
      title: 'Cannot review your own post',
    });
  }
  return record?.submitted_by ?? null;
}

/** Approvals on: a create that publishes at once is refused (403 approval-required, or self-approval for a reviewer). */
export function refuseDirectPublish(admin: AdminPrincipal): never {
  if (can(admin.role, 'content.review')) {
    throw new ProblemError(
      403,
      'Approvals are on: someone else has to approve your post. Create it with submit: true.',
      {
        type: 'self-approval',
        title: 'Cannot review your own post',
      },
    );
  }
  throw new ProblemError(403, 'Approvals are on: create the post with submit: true, and an approver publishes it.', {
    type: 'approval-required',
    title: 'Approval required',
  });
}

export function approvalsOff(): ProblemError {
  return new ProblemError(409, 'Approvals are off: publish the post directly.', { type: 'approvals-off' });
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());

/** Each submitted post's latest review, by content id, with the admins' names or emails while they exist. */
export async function reviewsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, ContentReview>> {
  const found = new Map<string, ContentReview>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('content_reviews as r')
    .leftJoin('admins as s', 's.id', 'r.submitted_by')
    .leftJoin('admins as v', 'v.id', 'r.reviewed_by')
    .select([
      'r.content_id',
      'r.state',
      'r.submitted_by',
      'r.submitted_at',
      'r.note',
      'r.reviewed_by',
      'r.reviewed_at',
      'r.comment',
      's.name as submitter_name',
      's.email as submitter_email',
      'v.name as reviewer_name',
      'v.email as reviewer_email',
    ])
    .where('r.state', 'is not', null)
    .$if(ids.length <= 500, (query) => query.where('r.content_id', 'in', [...ids]))
    .execute();
  for (const row of rows) {
    found.set(row.content_id, {
      state: row.state as ReviewState,
      submittedBy: row.submitted_by,
      submittedByName: row.submitter_name ?? row.submitter_email ?? null,
      submittedAt: iso(row.submitted_at),
      note: row.note,
      reviewedBy: row.reviewed_by,
      reviewedByName: row.reviewer_name ?? row.reviewer_email ?? null,
      reviewedAt: iso(row.reviewed_at),
      comment: row.comment,
    });
  }
  return found;
}

/**
 * What waits for an admin: for reviewers, others' pending posts (oldest submission first; not
 * those they submitted or last edited); for everyone, their own pending and rejected submissions.
 */
export async function approvalQueue(
  deps: Pick<Deps, 'db'>,
  admin: AdminPrincipal,
): Promise<{ toReview: ContentRow[]; mine: ContentRow[] }> {
  const base = () =>
    deps.db.selectFrom('content').innerJoin('content_reviews as r', 'r.content_id', 'content.id').selectAll('content');
  const toReview = can(admin.role, 'content.review')
    ? await base()
        .where('content.status', '=', 'pending')
        .where('r.state', '=', 'pending')
        .where((eb) => eb.or([eb('r.submitted_by', 'is', null), eb('r.submitted_by', '!=', admin.id)]))
        .where((eb) => eb.or([eb('r.edited_by', 'is', null), eb('r.edited_by', '!=', admin.id)]))
        .orderBy('r.submitted_at', 'asc')
        .orderBy('content.id')
        .execute()
    : [];
  const mine = await base()
    .where('r.submitted_by', '=', admin.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('content.status', '=', 'pending'), eb('r.state', '=', 'pending')]),
        eb.and([eb('content.status', '=', 'draft'), eb('r.state', '=', 'rejected')]),
      ]),
    )
    .orderBy('content.updated_at', 'desc')
    .orderBy('content.id')
    .execute();
  return { toReview, mine };
}
