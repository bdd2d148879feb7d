/**
 * How long the audit log keeps entries: the owner's `audit` settings document ({retentionDays},
 * stored beside the other documents), else RELAY_AUDIT_RETENTION_DAYS, else 6 years (FINRA 17a-4).
 * A purge at start-up and every few hours deletes older entries; it is the only deletion.
 */
import type { Kysely } from 'kysely';
import { AUDIT_RETENTION, auditSettingsSchema, type AuditSettings } from '../../lib/audit';
import type { Deps } from '../context';
import type { Database } from '../db/schema';
import { nextSeq } from './changes-counter';
import { recordAudit } from './audit';

const DOCUMENT = 'audit';
const DAY_MS = 86_400_000;
/** How often a running server purges. */
export const AUDIT_PURGE_EVERY_MS = 6 * 3_600_000;

export async function readAuditSettings(
  db: Kysely<Database>,
  config: Pick<Deps['config'], 'auditRetentionDays'>,
): Promise<AuditSettings> {
  const row = await db.selectFrom('documents').select('body').where('name', '=', DOCUMENT).executeTakeFirst();
  const parsed = row ? auditSettingsSchema.safeParse(JSON.parse(row.body)) : undefined;
  if (parsed?.success) return parsed.data;
  return { retentionDays: config.auditRetentionDays ?? AUDIT_RETENTION.defaultDays };
}

export async function writeAuditSettings(db: Kysely<Database>, settings: AuditSettings, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const seq = await nextSeq(trx);
    const values = { name: DOCUMENT, body: JSON.stringify(settings), seq, updated_at: now };
    await trx
      .insertInto('documents')
      .values(values)
      .onConflict((oc) => oc.column('name').doUpdateSet({ body: values.body, seq, updated_at: now }))
      .execute();
  });
}

/** Deletes entries older than the retention period; a purge that deleted some is itself recorded (actor system). */
export async function purgeAudit(deps: Pick<Deps, 'db' | 'config' | 'now'>): Promise<number> {
  const { retentionDays } = await readAuditSettings(deps.db, deps.config);
  const now = deps.now();
  const before = now - retentionDays * DAY_MS;
  const result = await deps.db.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst();
  const deleted = Number(result.numDeletedRows);
  if (deleted > 0) {
    await recordAudit(
      deps.db,
      {
        actor: { type: 'system', id: null, label: 'retention' },
        action: 'audit.purge',
        target: null,
        change: { deleted, before: new Date(before).toISOString(), retentionDays },
      },
      now,
    );
  }
  return deleted;
}

/** Purges every AUDIT_PURGE_EVERY_MS (start-up purges once itself); returns the function that stops it. */
export function startAuditRetention(deps: Pick<Deps, 'db' | 'config' | 'now'>): () => void {
  const run = () =>
    purgeAudit(deps).catch((error: unknown) => console.error('audit: the retention purge failed:', error));
  const timer = setInterval(run, AUDIT_PURGE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
