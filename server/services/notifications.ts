/**
 * Console notifications of the approval workflow: a submitted post tells every other reviewer,
 * an approval or rejection tells the submitter. With the approvals document's `email` on and SMTP
 * configured, the same notice goes out by e-mail (services/mail.ts).
 */
import type { Kysely } from 'kysely';
import { can, roleOf } from '../../lib/roles';
import type { AdminNotifications } from '../../lib/schemas';
import type { Deps } from '../context';
import { newId } from '../crypto';
import type { Database } from '../db/schema';
import { readDocument } from './documents';
import { escapeHtml, mailConfigured, sendMail } from './mail';

export type NotificationKind = 'submitted' | 'approved' | 'rejected';

interface Notice {
  kind: NotificationKind;
  contentId: string;
  actorId: string;
  comment: string | null;
}

/** Every admin who may review posts, except `actorId`. */
async function reviewersBesides(db: Kysely<Database>, actorId: string): Promise<string[]> {
  const admins = await db.selectFrom('admins').select(['id', 'role']).execute();
  return admins.filter((admin) => admin.id !== actorId && can(roleOf(admin.role), 'content.review')).map((a) => a.id);
}

const SUBJECTS: Record<NotificationKind, (title: string, actor: string) => string> = {
  submitted: (title, actor) => `Approval needed: “${title}” (submitted by ${actor})`,
  approved: (title, actor) => `Approved: “${title}” (by ${actor})`,
  rejected: (title, actor) => `Changes requested: “${title}” (by ${actor})`,
};

/** The e-mail of one notice: plain text and HTML with every piece of text escaped. */
export function noticeMail(
  notice: Pick<Notice, 'kind' | 'comment'>,
  facts: { title: string; actor: string; link: string },
): { subject: string; text: string; html: string } {
  const subject = SUBJECTS[notice.kind](facts.title, facts.actor);
  const lines = [subject, ...(notice.comment ? ['', `Comment: ${notice.comment}`] : []), '', `Open: ${facts.link}`];
  const html =
    `<p>${escapeHtml(subject)}</p>` +
    (notice.comment ? `<p>Comment: ${escapeHtml(notice.comment).replace(/\n/g, '<br>')}</p>` : '') +
    `<p><a href="${escapeHtml(facts.link)}">Open in Relay</a></p>`;
  return { subject, text: lines.join('\n'), html };
}

/** Stores the notice for each recipient and, when e-mail is on, mails it (in the background). */
async function notify(deps: Deps, notice: Notice, recipients: string[]): Promise<void> {
  const unique = [...new Set(recipients)].filter((id) => id !== notice.actorId);
  if (unique.length === 0) return;
  const now = deps.now();
  await deps.db
    .insertInto('admin_notifications')
    .values(
      unique.map((adminId) => ({
        id: newId(),
        admin_id: adminId,
        kind: notice.kind,
        content_id: notice.contentId,
        actor_id: notice.actorId,
        comment: notice.comment,
        created_at: now,
        read_at: null,
      })),
    )
    .execute();
  if (!mailConfigured(deps.config) || !(await readDocument(deps.db, 'approvals')).email) return;
  const [content, people] = await Promise.all([
    deps.db.selectFrom('content').select('title').where('id', '=', notice.contentId).executeTakeFirst(),
    deps.db
      .selectFrom('admins')
      .select(['id', 'email', 'name'])
      .where('id', 'in', [...unique, notice.actorId])
      .execute(),
  ]);
  const actor = people.find((person) => person.id === notice.actorId);
  const page = notice.kind === 'submitted' ? 'approvals' : `content/${encodeURIComponent(notice.contentId)}`;
  const mail = noticeMail(notice, {
    title: content?.title ?? notice.contentId,
    actor: actor?.name ?? actor?.email ?? 'someone',
    link: `${deps.config.publicUrl}/admin#/${page}`,
  });
  for (const person of people) {
    if (person.id !== notice.actorId) void sendMail(deps.config, { to: person.email, ...mail });
  }
}

export async function notifySubmitted(deps: Deps, contentId: string, actorId: string, note: string | null) {
  await notify(
    deps,
    { kind: 'submitted', contentId, actorId, comment: note },
    await reviewersBesides(deps.db, actorId),
  );
}

export async function notifyReviewed(
  deps: Deps,
  kind: 'approved' | 'rejected',
  contentId: string,
  actorId: string,
  submitter: string | null,
  comment: string | null,
) {
  if (submitter) await notify(deps, { kind, contentId, actorId, comment }, [submitter]);
}

/** An admin's unread count and 50 most recent notifications, newest first. */
export async function listNotifications(db: Kysely<Database>, adminId: string): Promise<AdminNotifications> {
  const [rows, unread] = await Promise.all([
    db
      .selectFrom('admin_notifications as n')
      .leftJoin('content', 'content.id', 'n.content_id')
      .leftJoin('admins as a', 'a.id', 'n.actor_id')
      .select([
        'n.id',
        'n.kind',
        'n.content_id',
        'n.comment',
        'n.created_at',
        'n.read_at',
        'content.title',
        'a.name',
        'a.email',
      ])
      .where('n.admin_id', '=', adminId)
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('admin_notifications')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('admin_id', '=', adminId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(unread.count),
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind as NotificationKind,
      contentId: row.content_id,
      title: row.title ?? '',
      actor: row.name ?? row.email ?? null,
      comment: row.comment,
      at: new Date(Number(row.created_at)).toISOString(),
      read: row.read_at !== null,
    })),
  };
}

/** Marks some (or all) of an admin's notifications read; returns how many changed. */
export async function markRead(db: Kysely<Database>, adminId: string, ids: string[] | undefined, now: number) {
  if (ids !== undefined && ids.length === 0) return 0;
  const result = await db
    .updateTable('admin_notifications')
    .set({ read_at: now })
    .where('admin_id', '=', adminId)
    .where('read_at', 'is', null)
    .$if(ids !== undefined, (query) => query.where('id', 'in', ids!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
