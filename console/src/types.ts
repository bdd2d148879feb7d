/** Shapes of the admin endpoints' answers, from the schemas the server validates and documents with. */
import type { z } from 'zod';
import type {
  AdminAdvocate,
  AdminGroup,
  AdminSessionState,
  Analytics,
  LinkPreview,
  ProvisioningSettings,
  ScimToken,
  ScimTokenCreated,
} from '../../lib/console-schemas';
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

/* SCIM tokens, provisioning settings and groups, as lib/console-schemas.ts declares them. */
export type { ProvisioningSettings, ScimToken };
/** POST /v1/admin/scim-tokens: the only answer that holds the token. */
export type CreatedScimToken = ScimTokenCreated;
export type OnDelete = ProvisioningSettings['onDelete'];
export type Group = AdminGroup;
