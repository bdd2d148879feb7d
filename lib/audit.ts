/** The audit log's HTTP shapes (GET /v1/admin/audit, its export and settings) and its actions in words, shared by server and console. */
import { z } from 'zod';
import { lineSchema } from './text';

/** Retention bounds: at least a year, at most 20; the default is 6 years (FINRA rule 17a-4). */
export const AUDIT_RETENTION = { minDays: 365, maxDays: 7_300, defaultDays: 2_190 } as const;

const isoTime = z.iso.datetime({ offset: true });

export const auditQuerySchema = z
  .object({
    from: isoTime.optional().describe('entries at or after this ISO time'),
    to: isoTime.optional().describe('entries before this ISO time'),
    actor: lineSchema().trim().min(1).max(320).optional().describe("an admin's id or email (or a SCIM token's id)"),
    action: z
      .string()
      .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/i, 'an action such as content.publish, or a group such as content.')
      .max(64)
      .optional()
      .describe('an action (content.publish) or, ending with a dot, a group of them (content.)'),
    target: lineSchema().trim().min(1).max(64).optional().describe("the target's id"),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('entries per page, 1 to 200 (default 50)'),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/)
      .optional()
      .describe('nextCursor of the previous page'),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditExportQuerySchema = auditQuerySchema
  .omit({ limit: true, cursor: true })
  .extend({ format: z.enum(['csv', 'json']).describe('csv or json (an array)') })
  .strict();
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

const partySchema = z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() });

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string().describe('ISO time'),
  actor: partySchema.describe("type admin, scim (a provisioning token), cli or system; label: the admin's email"),
  action: z.string(),
  target: partySchema.nullable(),
  change: z.unknown().describe('what changed: {before, after}, the reason, the body…'),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema).describe('newest first'),
  nextCursor: z.string().nullable().describe('pass as cursor for the next (older) page; null: no more'),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditSettingsSchema = z
  .object({
    retentionDays: z
      .number()
      .int()
      .min(AUDIT_RETENTION.minDays)
      .max(AUDIT_RETENTION.maxDays)
      .describe(`days entries are kept, ${AUDIT_RETENTION.minDays} to ${AUDIT_RETENTION.maxDays}`),
  })
  .strict();
export type AuditSettings = z.infer<typeof auditSettingsSchema>;

/** Known actions in words, for the console; an action not listed shows as it is. */
export const AUDIT_ACTION_WORDS: Record<string, string> = {
  'content.create': 'Created content',
  'content.edit': 'Edited content',
  'content.publish': 'Published content',
  'content.override': 'Published past must-fix rules',
  'content.archive': 'Archived content',
  'content.approve': 'Approved content',
  'content.reject': 'Rejected content',
  'content.submit': 'Submitted content for approval',
  'approvals.update': 'Changed the approval settings',
  'admins.create': 'Added an admin',
  'admins.role': "Changed an admin's role",
  'admins.remove': 'Removed an admin',
  'groups.create': 'Created a group',
  'groups.rename': 'Renamed a group',
  'groups.delete': 'Deleted a group',
  'groups.members': "Changed a group's members",
  'advocates.region': "Changed an advocate's region",
  'audit.purge': 'Deleted entries past retention',
  'guidelines.update': 'Changed the guidelines',
  'scoring.update': 'Changed the scoring rules',
  'organization.update': 'Changed the organisation',
  'selectors.update': 'Changed the selector overrides',
  'provisioning.update': 'Changed provisioning settings',
  'audit.settings': 'Changed audit log retention',
  'invites.create': 'Created an invite',
  'invites.revoke': 'Revoked an invite',
  'advocates.remove': 'Removed an advocate',
  'advocates.erase': "Erased an advocate's data",
  'advocates.restore': 'Restored an advocate',
  'scim-tokens.create': 'Created a SCIM token',
  'scim-tokens.revoke': 'Revoked a SCIM token',
  'scim.user.create': 'Provisioned a user',
  'scim.user.update': 'Updated a user',
  'scim.user.deactivate': 'Deactivated a user',
  'scim.user.delete': 'Deleted a user',
  'scim.group.create': 'Provisioned a group',
  'scim.group.update': 'Changed a group',
  'scim.group.delete': 'Deleted a group',
  'sso.settings': 'Single sign-on settings changed',
  'images.upload': 'Uploaded an image',
};

/** Action groups the console's filter offers (a prefix ending with a dot). */
export const AUDIT_ACTION_GROUPS: { prefix: string; label: string }[] = [
  { prefix: 'content.', label: 'Content' },
  { prefix: 'approvals.', label: 'Approval settings' },
  { prefix: 'groups.', label: 'Groups and audiences' },
  { prefix: 'invites.', label: 'Invites' },
  { prefix: 'advocates.', label: 'Advocates' },
  { prefix: 'admins.', label: 'Admins and roles' },
  { prefix: 'scim.', label: 'Provisioning by the identity provider' },
  { prefix: 'scim-tokens.', label: 'SCIM tokens' },
  { prefix: 'sso.', label: 'Single sign-on' },
];

export function auditActionWords(action: string): string {
  return AUDIT_ACTION_WORDS[action] ?? action;
}
