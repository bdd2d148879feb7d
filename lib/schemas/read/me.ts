/** GET /v1/me as the extension reads it: badges of unknown kinds and history on unknown networks left out. */
import { z } from 'zod';
import { LANGUAGE_SOURCES } from '../../languages';
import { isNetwork } from '../../networks';
import { idSchema, isoDateTimeSchema } from '../common';
import { meHistoryClickSchema, meHistoryShareSchema, meResponseSchema, type MeResponse } from '../me';
import { isBadgeMetric, readBadgeFields } from './scoring';
import { knownItems } from './tolerant';

const standingSchema = z.object({ points: z.number().int(), rank: z.number().int().nullable() });

const badgeProgressSchema = z.object({ ...readBadgeFields, value: z.number().int(), earned: z.boolean() });

/** The server's record of the advocate's shares and clicks; events on networks this version does not know are left out. */
const historySchema = z.object({
  shares: knownItems((share) => isNetwork(share.network), meHistoryShareSchema),
  clicks: knownItems((click) => isNetwork(click.network), meHistoryClickSchema),
});

export const readMeResponseSchema: z.ZodType<MeResponse, unknown> = z.object({
  ...meResponseSchema.shape,
  advocate: z.object({ id: idSchema, name: z.string(), team: z.string().nullable() }),
  level: z.object({
    name: z.string(),
    minPoints: z.number().int(),
    next: z.object({ name: z.string(), minPoints: z.number().int() }).nullable(),
  }),
  periods: z.object({ week: standingSchema, month: standingSchema, all: standingSchema }),
  badges: knownItems((badge) => isBadgeMetric(badge.metric), badgeProgressSchema),
  weeks: z.array(z.object({ week: z.string(), startsAt: isoDateTimeSchema, points: z.number().int() })),
  settings: z.object({ clickTracking: z.boolean(), leaderboard: z.boolean() }),
  history: historySchema,
  // A server before issue 19 sends neither; an unknown source reads as not known.
  language: z.string().nullable().catch(null),
  languageSource: z.enum(LANGUAGE_SOURCES).nullable().catch(null),
});
