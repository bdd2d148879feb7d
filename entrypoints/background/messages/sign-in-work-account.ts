/** signInWorkAccount: the popup's "Sign in with your work account", or with `silent` zero-touch's try as the popup opens (../zero-touch.ts). */
import { z } from 'zod';
import type { WorkSignInResult } from '../../../components/shared/views';
import { defineMessage } from './define';

export const signInWorkAccountRequest = z
  .object({
    /** The server URL the person typed (ignored when the organisation locked one). */
    serverUrl: z.string().trim().min(1).max(2048).optional(),
    silent: z.boolean().optional(),
  })
  .strict();

/** Interactive: the identity provider's page opens. Silent: never a window; null when zero-touch does not apply. */
export const signInWorkAccount = defineMessage({
  request: signInWorkAccountRequest,
  from: ['popup'],
  invalid: (error): WorkSignInResult => ({
    ok: false,
    kind: 'invalid',
    message: error.issues[0]?.message ?? 'Check the server URL.',
  }),
  async handle(request, { bg }): Promise<WorkSignInResult | null> {
    if (request.silent) return bg.workSignIn.silent('popup');
    return bg.workSignIn.interactive(request.serverUrl);
  },
});
