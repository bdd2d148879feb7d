/**
 * What the identity provider does through SCIM, in the audit log: the actor is the SCIM token (type
 * scim, its id and label); users created, updated, deactivated and deleted, groups created, changed
 * and deleted. Entries about a user carry advocate_id, so their erasure blanks the personal fields.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit, type AuditTarget } from './audit';

export type ScimKind = 'Users' | 'Groups';
export type ScimWrite = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a SCIM write's entry needs to know from before it: the user's or group's name and whether the user was active. */
export interface ScimBefore {
  label: string | null;
  active: boolean;
}

export async function scimBefore(db: Kysely<Database>, kind: ScimKind, id: string): Promise<ScimBefore | undefined> {
  if (kind === 'Groups') {
    const group = await db.selectFrom('groups').select('display_name').where('id', '=', id).executeTakeFirst();
    return group && { label: group.display_name, active: true };
  }
  const user = await db
    .selectFrom('advocates')
    .select(['user_name', 'name', 'access_ended'])
    .where('id', '=', id)
    .executeTakeFirst();
  return user && { label: user.user_name ?? user.name, active: user.access_ended === null };
}

function actionOf(kind: ScimKind, method: ScimWrite, before: ScimBefore | undefined, activeAfter: unknown): string {
  const noun = kind === 'Users' ? 'user' : 'group';
  if (method === 'POST') return `scim.${noun}.create`;
  if (method === 'DELETE') return `scim.${noun}.delete`;
  if (kind === 'Users' && before?.active && activeAfter === false) return 'scim.user.deactivate';
  return `scim.${noun}.update`;
}

/** Records a successful SCIM write; a failure to record is logged, not answered (the write is made). */
export async function recordScimWrite(
  db: Kysely<Database>,
  write: {
    tokenId: string;
    kind: ScimKind;
    method: ScimWrite;
    id: string;
    before?: ScimBefore;
    /** The resource as answered (POST, PUT, a user's PATCH). */
    result?: Record<string, unknown>;
    /** The request: attributes (POST, PUT), operations (PATCH), or what a DELETE did. */
    change: unknown;
    /** A user erased by this DELETE: the entry keeps no name. */
    erased?: boolean;
  },
  now: number,
): Promise<void> {
  const { kind, method, id, before, result } = write;
  const label = write.erased
    ? null
    : ((result?.[kind === 'Users' ? 'userName' : 'displayName'] as string | undefined) ?? before?.label ?? null);
  const target: AuditTarget = { type: kind === 'Users' ? 'advocate' : 'group', id, label };
  try {
    const token = await db.selectFrom('scim_tokens').select('label').where('id', '=', write.tokenId).executeTakeFirst();
    await recordAudit(
      db,
      {
        actor: { type: 'scim', id: write.tokenId, label: token?.label ?? null },
        action: actionOf(kind, method, before, result?.active),
        target,
        change: write.change,
        advocateId: kind === 'Users' ? id : null,
      },
      now,
    );
  } catch (error) {
    console.error(`audit: could not record SCIM ${method} ${kind}/${id}:`, error);
  }
}
