/** enroll: the popup's setup form redeems an invite code (../enroll.ts), then the background wakes. */
import { z } from 'zod';
import type { EnrollResult } from '../../../components/shared/views';
import { enroll as redeem } from '../enroll';
import { defineMessage } from './define';

export const enrollRequest = z
  .object({
    serverUrl: z.string().trim().min(1, 'Enter the server URL your admin gave you.').max(2048),
    code: z.string().trim().min(1, 'Enter your invite code.').max(64),
    name: z.string().trim().min(1, 'Enter your name.').max(80),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequest>;

export const enroll = defineMessage({
  request: enrollRequest,
  from: ['popup'],
  invalid: (error): EnrollResult => ({
    ok: false,
    kind: 'invalid',
    message: error.issues[0]?.message ?? 'Check the fields.',
  }),
  async handle(request, { bg }): Promise<EnrollResult> {
    await bg.accessEnding();
    const result = await redeem(bg.db, request, {
      lockedServerUrl: await bg.port.configuredServerUrl(),
      ...bg.transport,
    });
    if (result.ok) await bg.wake();
    return result;
  },
});
