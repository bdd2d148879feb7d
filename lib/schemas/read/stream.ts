/** Messages of GET /v1/stream as the extension reads them: types it does not know are ignored. */
import { z } from 'zod';

/**
 * "Something changed: sync" (sent on connect and at every change), extra fields ignored. A server
 * that knows the cursor the extension holds (`since`) may carry the sync's answer and ETag: the
 * answer is read later with the sync schema, as a fetched one is.
 */
const syncMessageSchema = z.object({
  type: z.literal('sync'),
  cursor: z.string().min(1),
  since: z.string().min(1).optional().catch(undefined),
  etag: z.string().min(1).optional().catch(undefined),
  answer: z.unknown().optional(),
});

export type StreamMessage = z.infer<typeof syncMessageSchema>;

/** The sync answer a stream message carries for the extension holding cursor `since`. */
export interface InlineSync {
  since: string;
  etag?: string;
  answer: unknown;
}

/** The answer inside a sync message, when it has one. */
export function inlineSyncOf(message: StreamMessage): InlineSync | undefined {
  if (message.since === undefined || message.answer === undefined || message.answer === null) return undefined;
  return { since: message.since, answer: message.answer, ...(message.etag ? { etag: message.etag } : {}) };
}

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
