/** GET /v1/leaderboard: ranks per period and team. */
import { z } from 'zod';
import { isoDateTimeSchema, periodSchema } from './common';
import { teamSchema } from './me';

export const leaderboardQuerySchema = z.object({
  period: periodSchema.default('week').describe('week (ISO week, UTC), month (UTC) or all time; default week'),
  team: teamSchema.optional().describe('only this team'),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('entries to list, 1–100; default 50'),
});

export const leaderboardEntrySchema = z.object({
  rank: z.number().int().describe('1 + the number of advocates with more points: ties share a rank (1, 2, 2, 4)'),
  name: z.string(),
  points: z.number().int(),
  team: z.string().nullable(),
  you: z.boolean(),
});

export const leaderboardResponseSchema = z.object({
  period: periodSchema,
  enabled: z.boolean().describe('false: gamification is off and entries is empty'),
  from: isoDateTimeSchema.nullable().describe('start of the period; null for all time'),
  team: z.string().nullable(),
  entries: z.array(leaderboardEntrySchema),
  you: z
    .object({
      rank: z.number().int().nullable(),
      name: z.string(),
      points: z.number().int(),
      team: z.string().nullable(),
      listed: z.boolean().describe('false: you opted out of the leaderboard'),
    })
    .nullable(),
});
export type LeaderboardResponse = z.infer<typeof leaderboardResponseSchema>;
