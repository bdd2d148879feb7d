/** The admin's provisioning choices (what a SCIM DELETE of a user does), kept as the 'provisioning' document. */
import type { Kysely } from 'kysely';
import { provisioningSettingsSchema, type ProvisioningSettings } from '../../lib/console-schemas';
import type { Database } from '../db/schema';

const NAME = 'provisioning';
export const DEFAULT_PROVISIONING: ProvisioningSettings = { onDelete: 'keep' };

export async function readProvisioning(db: Kysely<Database>): Promise<ProvisioningSettings> {
  const row = await db.selectFrom('documents').select('body').where('name', '=', NAME).executeTakeFirst();
  if (!row) return DEFAULT_PROVISIONING;
  const parsed = provisioningSettingsSchema.safeParse(JSON.parse(row.body));
  return parsed.success ? parsed.data : DEFAULT_PROVISIONING;
}

/**
 * Stored beside guidelines and scoring, but with seq 0: nothing advocates sync depends on it, so it
 * takes no change number.
 */
export async function writeProvisioning(
  db: Kysely<Database>,
  settings: ProvisioningSettings,
  now: number,
): Promise<ProvisioningSettings> {
  const body = JSON.stringify(settings);
  await db
    .insertInto('documents')
    .values({ name: NAME, body, seq: 0, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ body, updated_at: now }))
    .execute();
  return settings;
}
