/** Reads the audit log: filtered, newest first, paged by an opaque cursor (GET /v1/admin/audit), or every match in batches (its export). */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { AuditEntry, AuditExportQuery, AuditQuery } from '../../lib/audit';
import type { AuditLogTable, Database } from '../db/schema';
import { ProblemError } from '../problem';

type Filters = Omit<AuditExportQuery, 'format'>;
type Query = SelectQueryBuilder<Database, 'audit_log', AuditLogTable>;

function parseChange(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function toAuditEntry(row: AuditLogTable): AuditEntry {
  return {
    id: row.id,
    at: new Date(Number(row.at)).toISOString(),
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
    action: row.action,
    target: row.target_type === null ? null : { type: row.target_type, id: row.target_id, label: row.target_label },
    change: parseChange(row.change),
  };
}

/** A page's last entry as the next page's cursor: its time and id, base64url. */
function encodeCursor(row: Pick<AuditLogTable, 'at' | 'id'>): string {
  return Buffer.from(`${Number(row.at)}:${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: number; id: string } {
  const match = /^(\d{1,16}):([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) {
    throw new ProblemError(400, 'The query is not valid (cursor: not one this server gave).', {
      type: 'malformed-query',
      errors: [{ path: 'cursor', message: 'not one this server gave' }],
    });
  }
  return { at: Number(match[1]), id: match[2]! };
}

function filtered(db: Kysely<Database>, filters: Filters): Query {
  let query = db.selectFrom('audit_log').selectAll() as Query;
  if (filters.from) query = query.where('at', '>=', Date.parse(filters.from));
  if (filters.to) query = query.where('at', '<', Date.parse(filters.to));
  const { actor, action, target } = filters;
  if (actor) {
    query = query.where((eb) =>
      eb.or([eb('actor_id', '=', actor), eb(eb.fn('lower', ['actor_label']), '=', actor.toLowerCase())]),
    );
  }
  // The pattern allows letters, digits, hyphens and dots only: no LIKE wildcard to escape.
  if (action)
    query = query.where('action', action.endsWith('.') ? 'like' : '=', action.endsWith('.') ? `${action}%` : action);
  if (target) query = query.where('target_id', '=', target);
  return query;
}

function after(query: Query, cursor: { at: number; id: string }): Query {
  return query.where((eb) =>
    eb.or([eb('at', '<', cursor.at), eb.and([eb('at', '=', cursor.at), eb('id', '<', cursor.id)])]),
  );
}

export async function auditPage(
  db: Kysely<Database>,
  query: AuditQuery,
): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  let select = filtered(db, query);
  if (query.cursor) select = after(select, decodeCursor(query.cursor));
  const rows = await select
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map(toAuditEntry),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** Every matching entry, newest first, read in batches so a large log is never held at once. */
export async function* auditEntries(db: Kysely<Database>, filters: Filters, batch = 500): AsyncGenerator<AuditEntry> {
  let cursor: { at: number; id: string } | undefined;
  for (;;) {
    let select = filtered(db, filters);
    if (cursor) select = after(select, cursor);
    const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(batch).execute();
    for (const row of rows) yield toAuditEntry(row);
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: Number(last.at), id: last.id };
  }
}
