/** Getting in: admin sessions, invites and advocates' enrolment. */
import { z } from 'zod';
import { displayNameSchema, lineSchema } from '../text';
import { idSchema, isoDateTimeSchema } from './common';

export const adminSessionRequestSchema = z
  .object({ email: z.email().max(254), password: z.string().min(1).max(1024) })
  .strict();
export const adminSchema = z.object({ id: idSchema, email: z.string() });
export const adminSessionResponseSchema = z.object({ token: z.string(), admin: adminSchema });

/** A new invite: `expiresAt` omitted expires in INVITE_DEFAULT_DAYS days; null never expires. */
export const inviteInputSchema = z
  .object({
    maxUses: z.number().int().min(1).max(100_000).optional(),
    expiresAt: isoDateTimeSchema.nullable().optional(),
  })
  .strict();
/** How long an invite made without `expiresAt` lasts. */
export const INVITE_DEFAULT_DAYS = 30;
/** An invite as lists show it: the code is stored hashed, so only its non-secret hint (first group). */
export const inviteSchema = z.object({
  id: idSchema,
  hint: z.string(),
  expiresAt: isoDateTimeSchema.nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  revoked: z.boolean(),
  createdAt: isoDateTimeSchema,
});
/** The answer to creating an invite: the only time its code is shown. */
export const createdInviteSchema = inviteSchema.extend({ code: z.string() });

export const enrollRequestSchema = z
  .object({
    code: lineSchema().trim().min(1).max(64),
    name: displayNameSchema().min(1, 'a name is required').max(80),
  })
  .strict();
export const advocateSchema = z.object({ id: idSchema, name: z.string() });
export const enrollResponseSchema = z.object({ token: z.string(), advocate: advocateSchema });
