/** GET /v1/leaderboard as the extension reads it: unknown fields left out at every level. */
import { z } from 'zod';
import { leaderboardResponseSchema, type LeaderboardResponse } from '../leaderboard';

const entrySchema = z.object({
  rank: z.number().int(),
  name: z.string(),
  points: z.number().int(),
  team: z.string().nullable(),
  you: z.boolean(),
});

const youSchema = z.object({
  rank: z.number().int().nullable(),
  name: z.string(),
  points: z.number().int(),
  team: z.string().nullable(),
  listed: z.boolean(),
});

export const readLeaderboardResponseSchema: z.ZodType<LeaderboardResponse, unknown> = z.object({
  ...leaderboardResponseSchema.shape,
  entries: z.array(entrySchema),
  you: youSchema.nullable(),
});
