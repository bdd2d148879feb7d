/**
 * An advocate's erasure reaches the audit log: entries about them (advocate_id) keep their time,
 * actor, action and ids, but lose the personal fields: the target's label is blanked and personal
 * keys are removed from the change. The only UPDATE of audit_log (migration 0014's trigger allows it).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Keys whose values name or reach a person (SCIM's user attributes included), at any depth of a change. */
const PERSONAL_KEYS = new Set(
  [
    'name',
    'email',
    'emails',
    'userName',
    'displayName',
    'externalId',
    'givenName',
    'familyName',
    'formatted',
    'nickName',
    'phoneNumbers',
    'addresses',
    'photos',
    'title',
    'team',
    'department',
    'manager',
    'subject',
    'region',
    'language',
  ].map((key) => key.toLowerCase()),
);

export function withoutPersonalFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalFields);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !PERSONAL_KEYS.has(key.toLowerCase()))
      .map(([key, inner]) => [key, withoutPersonalFields(inner)]),
  );
}

/** Scrubs every entry about this advocate; resolves how many there were. */
export async function scrubAuditOf(db: Kysely<Database>, advocateId: string): Promise<number> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'change'])
    .where('advocate_id', '=', advocateId)
    .execute();
  for (const row of rows) {
    let change: unknown;
    try {
      change = withoutPersonalFields(JSON.parse(row.change));
    } catch {
      change = {};
    }
    await db
      .updateTable('audit_log')
      .set({ target_label: null, change: JSON.stringify(change) })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}
