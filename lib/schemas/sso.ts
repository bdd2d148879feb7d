/** Signing in with the company's identity provider: what the sign-in screens ask, and the extension's code exchange. */
import { z } from 'zod';
import { advocateSchema } from './access';

/** GET /v1/sign-in-options: which ways in this server offers (the console and the extension's setup read it). */
export const signInOptionsSchema = z.object({
  sso: z.boolean().describe('"Sign in with your work account" works (RELAY_OIDC_ISSUER is set)'),
  password: z.boolean().describe('admins may sign in with an email and password'),
  invites: z.boolean().describe('advocates may enrol with an invite code'),
});
export type SignInOptions = z.infer<typeof signInOptionsSchema>;

/** POST /v1/sso/exchange: the one-time code the extension's sign-in redirect carried. */
export const ssoExchangeRequestSchema = z.object({ code: z.string().min(16).max(128) }).strict();
export const ssoExchangeResponseSchema = z.object({
  token: z.string(),
  advocate: advocateSchema.extend({ email: z.string().nullable(), team: z.string().nullable() }),
});
