/** POST /v1/enroll's answer as the extension reads it: fields it does not know are left out. */
import { z } from 'zod';

export const readEnrollResponseSchema = z.object({
  token: z.string().min(1),
  advocate: z.object({ id: z.string().min(1), name: z.string() }),
});
