/** The admins API (GET|POST /v1/admin/admins, PATCH|DELETE /v1/admin/admins/{id}): who may use the console, and their role. */
import { z } from 'zod';
import { PERMISSIONS, roleSchema } from '../roles';
import { idSchema, isoDateTimeSchema } from './common';

export const adminInputSchema = z
  .object({
    email: z.email().max(254).describe('their sign-in email; stored lower-case'),
    role: roleSchema.describe('owner, editor, approver or analyst (see Roles)'),
    password: z
      .string()
      .min(8)
      .max(1024)
      .optional()
      .describe('at least 8 characters; left out: they sign in with the identity provider (needs single sign-on)'),
  })
  .strict();
export type AdminInput = z.infer<typeof adminInputSchema>;

export const adminRoleInputSchema = z.object({ role: roleSchema }).strict();

export const SIGN_IN_METHODS = ['password', 'work-account'] as const;

export const adminAccountSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string().nullable().describe('from the identity provider, once they signed in with it'),
  role: roleSchema,
  createdAt: isoDateTimeSchema,
  signsInWith: z
    .array(z.enum(SIGN_IN_METHODS))
    .describe('password: has one; work-account: linked to the identity provider, or has no password and will be'),
});
export type AdminAccount = z.infer<typeof adminAccountSchema>;

export const adminListSchema = z.object({ items: z.array(adminAccountSchema) });

export const permissionSchema = z.enum(PERMISSIONS);
