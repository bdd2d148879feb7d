/** Shapes of the admin endpoints' answers, from the schemas the server validates and documents with. */
import type { z } from 'zod';
import type { AdminAdvocate, AdminSessionState, Analytics, LinkPreview } from '../../lib/console-schemas';
import type { createdInviteSchema, inviteSchema } from '../../lib/schemas';
import type { SignInOptions } from '../../lib/schemas/sso';

/** GET /v1/admin/session; sign-in answers the same plus the bearer token. */
export type Session =
  AdminSessionState | (Omit<AdminSessionState, 'expiresAt'> & { token: string; expiresAt?: string });

export type Invite = z.infer<typeof inviteSchema>;
/** The answer to creating an invite: the only one that holds its code. */
export type CreatedInvite = z.infer<typeof createdInviteSchema>;
export type { Analytics, LinkPreview, SignInOptions };

/** An advocate as the console lists them; email, browsers and signedInWith are left out by servers from before per-browser tokens. */
export type AdvocateRow = AdminAdvocate;

/*
 * SCIM tokens, provisioning and groups, as the shared contract names them. Local until the SCIM
 * routes' schemas land in lib/console-schemas.ts; then these become z.infer of those.
 */
export interface ScimToken {
  id: string;
  /** The token's last four characters, to tell tokens apart (the token itself is stored hashed). */
  hint: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}
/** POST /v1/admin/scim-tokens: the only answer that holds the token. */
export interface CreatedScimToken {
  id: string;
  token: string;
  hint: string;
  label: string | null;
  createdAt: string;
}
export type OnDelete = 'keep' | 'erase';
export interface ProvisioningSettings {
  onDelete: OnDelete;
}
/** A member of a group, by name. */
export interface GroupMember {
  id: string;
  name: string;
}
export interface Group {
  id: string;
  name: string;
  source: 'scim' | 'idp' | 'console';
  /** The members by name (the SCIM branch's answer), or their count (the shared contract's first wording). */
  members: GroupMember[] | number;
}
