/** Messages of GET /v1/stream as the extension reads them: types it does not know are ignored. */
import { z } from 'zod';

/** "Something changed: sync" (sent on connect and at every change), extra fields ignored. */
const syncMessageSchema = z.object({ type: z.literal('sync'), cursor: z.string().min(1) });

export type StreamMessage = z.infer<typeof syncMessageSchema>;

/** The message in a frame, or null for anything else (a newer server's other types, pongs, not JSON). */
export function readStreamMessage(data: string): StreamMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = syncMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
