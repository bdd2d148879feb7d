/** Appends to the audit log (migration 0011): who did what to which thing, and the change. Rows are never updated by this module. */
import type { Kysely } from 'kysely';
import { newId } from '../crypto';
import type { Database } from '../db/schema';

export type AuditActorType = 'admin' | 'scim' | 'cli' | 'system';

export interface AuditActor {
  type: AuditActorType;
  id: string | null;
  /** Email or label at the time: a personal field. */
  label: string | null;
}

export interface AuditTarget {
  type: string;
  id: string | null;
  /** Title, name or email at the time. */
  label?: string | null;
}

export interface AuditEntryInput {
  actor: AuditActor;
  /** A dotted verb, such as content.publish. */
  action: string;
  target?: AuditTarget | null;
  /** What changed: serialised as JSON. */
  change?: unknown;
  /** The advocate the entry is about, so their erasure can blank its personal fields. */
  advocateId?: string | null;
}

export async function recordAudit(db: Kysely<Database>, entry: AuditEntryInput, now = Date.now()): Promise<string> {
  const id = newId();
  await db
    .insertInto('audit_log')
    .values({
      id,
      at: now,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      actor_label: entry.actor.label,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      target_label: entry.target?.label ?? null,
      change: JSON.stringify(entry.change ?? {}),
      advocate_id: entry.advocateId ?? null,
    })
    .execute();
  return id;
}
