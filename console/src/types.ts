/** Shapes of the admin endpoints' answers, from the schemas the server validates and documents with. */
import type { z } from 'zod';
import type { AdminAdvocate, AdminSessionState, Analytics, LinkPreview } from '../../lib/console-schemas';
import type { createdInviteSchema, inviteSchema } from '../../lib/schemas';

/** GET /v1/admin/session; sign-in answers the same plus the bearer token. */
export type Session =
  AdminSessionState | (Omit<AdminSessionState, 'expiresAt'> & { token: string; expiresAt?: string });

export type Invite = z.infer<typeof inviteSchema>;
/** The answer to creating an invite: the only one that holds its code. */
export type CreatedInvite = z.infer<typeof createdInviteSchema>;
export type AdvocateRow = AdminAdvocate;
export type { Analytics, LinkPreview };
