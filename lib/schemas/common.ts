/** The shapes every part of Relay shares: networks, dates, URLs, ids and problems. */
import { z } from 'zod';
import { lineSchema } from '../text';
import { NETWORKS, TEXT_NETWORKS, type Network, type TextNetwork } from '../networks';

export { NETWORKS, TEXT_NETWORKS, type Network, type TextNetwork };
export const networkSchema = z.enum(NETWORKS);

export const isoDateTimeSchema = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 date-time with zone, e.g. 2026-11-23T09:00:00.000Z');

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * An absolute http(s) URL as the server stores and sends it. What admins send is
 * `httpUrlInputSchema`: the URL parser would take a raw control character (and PostgreSQL then
 * refuses a NUL), so input refuses them; what the extension reads stays as tolerant as before.
 */
export const httpUrlSchema = z.string().max(2048).refine(isHttpUrl, { message: 'must be an absolute http(s) URL' });
export const httpUrlInputSchema = lineSchema()
  .max(2048)
  .refine(isHttpUrl, { message: 'must be an absolute http(s) URL' });

/**
 * Every string the server accepts refuses control characters (lib/text.ts); tab and line feed only
 * in text that may run over several lines (a note, a variant). Shapes the server only sends (items,
 * links, ranks) do not check, so the extension still reads what was stored before these rules.
 */
export const idSchema = lineSchema().min(1).max(64);

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  /** A revoked or expired token's 401: why ('removed', 'deprovisioned', 'signed-out', 'erased', 'expired'). */
  reason: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Leaderboard periods: the current ISO week (UTC), the current UTC month, or all time. */
export const PERIODS = ['week', 'month', 'all'] as const;
export const periodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof periodSchema>;
