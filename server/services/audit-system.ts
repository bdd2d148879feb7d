/**
 * The audit entry no request writes: the single sign-on settings (from the environment) when they
 * differ from the last recorded ones, at start-up.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { recordAudit } from './audit';

/** The effective SSO settings as recorded: never the client secret (only whether there is one). */
export function ssoSettingsOf(config: Pick<Config, 'sso' | 'passwordSignIn'>): Record<string, unknown> {
  const sso = config.sso;
  if (!sso) return { enabled: false, passwordSignIn: config.passwordSignIn };
  return {
    enabled: true,
    issuer: sso.issuer,
    clientId: sso.clientId,
    confidentialClient: sso.clientSecret !== undefined,
    scopes: sso.scopes,
    claims: { ...sso.claims },
    adminGroup: sso.adminGroup ?? null,
    extensionIds: [...sso.extensionIds],
    passwordSignIn: config.passwordSignIn,
  };
}

/** At start-up: records `sso.settings` (actor system) when the settings differ from the last recorded. */
export async function recordSsoSettings(
  db: Kysely<Database>,
  config: Pick<Config, 'sso' | 'passwordSignIn'>,
  now: number,
): Promise<boolean> {
  const after = ssoSettingsOf(config);
  const last = await db
    .selectFrom('audit_log')
    .select('change')
    .where('action', '=', 'sso.settings')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const before = last ? ((JSON.parse(last.change) as { after?: unknown }).after ?? null) : null;
  if (JSON.stringify(before) === JSON.stringify(after)) return false;
  // The first start with no SSO records nothing: there is no change to tell.
  if (before === null && after.enabled === false) return false;
  await recordAudit(
    db,
    {
      actor: { type: 'system', id: null, label: 'environment' },
      action: 'sso.settings',
      target: { type: 'sso', id: null, label: null },
      change: { before, after },
    },
    now,
  );
  return true;
}
