/** GET and PATCH /v1/me: an advocate's points, level, badges, settings and history. */
import { z } from 'zod';
import { languageTagSchema, LANGUAGE_SOURCES } from '../languages';
import { displayNameSchema } from '../text';
import { idSchema, isoDateTimeSchema, networkSchema } from './common';
import { badgeSchema } from './scoring';

export const teamSchema = displayNameSchema().min(1, 'a team name cannot be empty').max(60);

export const levelSchema = z.object({
  name: z.string(),
  minPoints: z.number().int(),
  next: z.object({ name: z.string(), minPoints: z.number().int() }).nullable(),
});

export const badgeProgressSchema = badgeSchema.extend({
  value: z.number().int().describe('where the advocate stands on the metric'),
  earned: z.boolean(),
});

export const advocateSettingsSchema = z.object({
  clickTracking: z.boolean().describe('false: shares carry direct UTM links and no clicks are recorded'),
  leaderboard: z.boolean().describe('false: left out of the leaderboard (not shown, not ranked)'),
});

export const mePatchSchema = z
  .object({
    clickTracking: z.boolean().optional(),
    leaderboard: z.boolean().optional(),
    team: teamSchema.nullable().optional().describe('the team shown on the leaderboard; null leaves the team'),
    language: languageTagSchema
      .nullable()
      .optional()
      .describe("the language you get posts in; null: automatic again (your company's, else your browser's)"),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'change at least one of clickTracking, leaderboard, team, language',
  });
export type MePatch = z.infer<typeof mePatchSchema>;

const periodStandingSchema = z.object({
  points: z.number().int(),
  rank: z
    .number()
    .int()
    .nullable()
    .describe('null when not on that leaderboard (no points, opted out, or gamification off)'),
});

/** One counted share in the history /v1/me sends. */
export const meHistoryShareSchema = z.object({
  id: z.string().min(1).max(64),
  contentId: idSchema,
  network: networkSchema,
  sharedAt: isoDateTimeSchema,
  personalized: z.boolean(),
  publishedAt: isoDateTimeSchema.nullable().describe('when the content was published; null: unknown'),
});

/** Clicks on one tracked link over a stretch of time, in the history /v1/me sends. */
export const meHistoryClickSchema = z.object({
  contentId: idSchema,
  network: networkSchema,
  at: isoDateTimeSchema.describe(
    'the start of the stretch of time within one ISO week and one UTC month the clicks came in',
  ),
  count: z.number().int().min(1),
});

/**
 * The advocate's events as the server stored them, summarised to what scoring needs
 * (lib/history-summary.ts), so the extension can score this browser's log together with shares
 * made elsewhere and the clicks only the server sees, with lib/scoring/. Servers before the
 * summary sent every event and clicks per hour, in the same shape; both score alike.
 */
export const meHistorySchema = z.object({
  shares: z
    .array(meHistoryShareSchema)
    .describe('the counted share event of each content item and network (the earliest)'),
  clicks: z
    .array(meHistoryClickSchema)
    .describe("human clicks on this advocate's tracked links, added up per content, network, week and month"),
});
export type MeHistory = z.infer<typeof meHistorySchema>;

export const meResponseSchema = z.object({
  advocate: z.object({ id: idSchema, name: z.string(), team: z.string().nullable() }),
  enabled: z.boolean().describe('false: the admins turned gamification off; points, ranks and badges are empty'),
  points: z.number().int().describe('all-time points'),
  level: levelSchema,
  streak: z.number().int().describe('consecutive ISO weeks (UTC) with a share, up to this week or the last'),
  bestStreak: z.number().int(),
  rank: z.number().int().nullable().describe('all-time rank; null when not on the leaderboard'),
  periods: z.object({ week: periodStandingSchema, month: periodStandingSchema, all: periodStandingSchema }),
  shares: z.number().int().describe('counted shares: one per content and network'),
  clicks: z.number().int().describe('human clicks on the tracked links of counted shares'),
  badges: z.array(badgeProgressSchema),
  weeks: z
    .array(z.object({ week: z.string(), startsAt: isoDateTimeSchema, points: z.number().int() }))
    .describe('points per ISO week, the last 12 weeks, oldest first'),
  settings: advocateSettingsSchema,
  history: meHistorySchema,
  language: z.string().nullable().describe('the language you get posts in (a tag); null: not known yet'),
  languageSource: z
    .enum(LANGUAGE_SOURCES)
    .nullable()
    .describe("where it came from: 'chosen' (you), 'idp' (your company), 'browser'; null: not known"),
});
export type MeResponse = z.infer<typeof meResponseSchema>;
