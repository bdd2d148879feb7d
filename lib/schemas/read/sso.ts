/** Work-account sign-in as the extension reads the server: sign-in options and the code exchange, fields it does not know left out. */
import { z } from 'zod';

/** GET /v1/sign-in-options; left out, work-account sign-in counts as not offered and invite codes (always there before) as offered. */
export const readSignInOptionsSchema = z.object({
  sso: z.boolean().catch(false),
  invites: z.boolean().catch(true),
  /** Left out (an older server) or unreadable: no name and no logo; the setup screen shows the server's host. */
  organization: z
    .object({ name: z.string().max(200).catch(''), logoUrl: z.string().nullable().catch(null) })
    .catch({ name: '', logoUrl: null }),
});

/** POST /v1/sso/exchange's answer: the advocate token and who the identity provider says this is. */
export const readSsoExchangeResponseSchema = z.object({
  token: z.string().min(1),
  advocate: z.object({
    id: z.string().min(1),
    name: z.string(),
    email: z.string().nullable().catch(null),
    team: z.string().nullable().catch(null),
  }),
});
