/** Signing in with the company's identity provider: what the sign-in screens ask, and the extension's code exchange. */
import { z } from 'zod';
import { lineSchema } from '../text';
import { advocateSchema } from './access';
import { organizationSchema } from './organization';

/** GET /v1/sign-in-options: which ways in this server offers (the console and the extension's setup read it). */
export const signInOptionsSchema = z.object({
  sso: z.boolean().describe('"Sign in with your work account" works (RELAY_OIDC_ISSUER is set)'),
  password: z.boolean().describe('admins may sign in with an email and password'),
  invites: z.boolean().describe('advocates may enrol with an invite code'),
  organization: organizationSchema.describe(
    'whose server this is: the setup screen and the console show its name and logo',
  ),
});
export type SignInOptions = z.infer<typeof signInOptionsSchema>;

/** POST /v1/sso/exchange: the one-time code the extension's sign-in redirect carried. */
export const ssoExchangeRequestSchema = z.object({ code: z.string().min(16).max(128) }).strict();
export const ssoExchangeResponseSchema = z.object({
  token: z.string(),
  advocate: advocateSchema.extend({ email: z.string().nullable(), team: z.string().nullable() }),
});

/** GET /v1/sso/start: who signs in (an admin in the console, or the extension), and for the extension where the code goes. */
export const ssoStartQuerySchema = z.object({
  for: z.enum(['console', 'extension']).describe('console: an admin session; extension: a one-time code for a token'),
  redirect: lineSchema()
    .max(500)
    .optional()
    .describe(
      'for=extension: browser.identity.getRedirectURL() (https://<id>.chromiumapp.org/ or https://<hash>.extensions.allizom.org/)',
    ),
  prompt: z
    .enum(['none'])
    .optional()
    .describe('none: sign in silently with the provider session, or answer login-required'),
});

/** GET /v1/sso/callback: the provider's authorization response (more parameters, such as iss, are read as sent). */
export const ssoCallbackQuerySchema = z.object({
  state: lineSchema().min(1).max(512),
  code: lineSchema().max(4096).optional(),
  error: lineSchema().max(200).optional(),
  // error_description is not declared: the provider's words may hold line breaks (Entra ID's do:
  // "AADSTS…\r\nTrace ID: …"), and the raw query goes to openid-client, which reads it for the log.
});
