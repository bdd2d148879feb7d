/** signInOptions: which ways in a server offers (GET /v1/sign-in-options), for the setup screen to show the right ones. */
import { z } from 'zod';
import { normalizeServerUrl } from '../../../lib/server-url';
import { readSignInOptionsSchema } from '../../../lib/schemas/read';
import type { SignInOptionsView } from '../../../components/shared/views';
import { ApiClient, ApiError } from '../api-client';
import { defineMessage } from './define';

const UNKNOWN: SignInOptionsView = { sso: null, invites: null, organization: null };

export const signInOptions = defineMessage({
  request: z.object({ serverUrl: z.string().trim().min(1).max(2048) }).strict(),
  from: ['popup'],
  invalid: (): SignInOptionsView => UNKNOWN,
  async handle(request, { bg }): Promise<SignInOptionsView> {
    const serverUrl = (await bg.port.configuredServerUrl()) ?? normalizeServerUrl(request.serverUrl);
    if (!serverUrl) return UNKNOWN;
    try {
      const options = readSignInOptionsSchema.safeParse(
        await new ApiClient(serverUrl, undefined, bg.transport).signInOptions(),
      );
      return options.success ? options.data : UNKNOWN;
    } catch (error) {
      // A server from before work accounts: invite codes only.
      if (error instanceof ApiError && error.status === 404) return { sso: false, invites: true, organization: null };
      return UNKNOWN;
    }
  },
});
