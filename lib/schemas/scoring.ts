/** Scoring rules: points per network, bonuses, caps, levels and badges. */
import { z } from 'zod';
import { network, perNetwork } from '../networks';
import { lineSchema } from '../text';

const points = z.number().int().min(0).max(10_000);
const EARLY_SHARE_MAX_HOURS = 24 * 30;

/** What a badge measures: counted shares, personalised ones, clicks, points, or the best weekly streak. */
export const BADGE_METRICS = ['shares', 'personalizedShares', 'clicks', 'points', 'streakWeeks'] as const;
export const badgeMetricSchema = z.enum(BADGE_METRICS);
export type BadgeMetric = z.infer<typeof badgeMetricSchema>;

export const badgeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lowercase letters, digits and dashes'),
    name: lineSchema().trim().min(1).max(60),
    description: lineSchema().trim().min(1).max(200).optional(),
    metric: badgeMetricSchema,
    threshold: z.number().int().min(1).max(10_000_000),
  })
  .strict();
export type Badge = z.infer<typeof badgeSchema>;

export const DEFAULT_BADGES: Badge[] = [
  {
    id: 'first-share',
    name: 'First share',
    description: 'Shared a post for the first time',
    metric: 'shares',
    threshold: 1,
  },
  {
    id: 'streak-5',
    name: 'Five-week streak',
    description: 'Shared something in five weeks in a row',
    metric: 'streakWeeks',
    threshold: 5,
  },
  {
    id: 'own-words-10',
    name: 'In your own words',
    description: 'Ten shares with personalised text',
    metric: 'personalizedShares',
    threshold: 10,
  },
  {
    id: 'clicks-100',
    name: '100 clicks',
    description: 'Your shares brought 100 visitors',
    metric: 'clicks',
    threshold: 100,
  },
];

/** Where a retired field went, for the unknown-field error of a document that still sends one. */
function retiredFieldMessage(issue: { code?: string; keys?: string[] }): string | undefined {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const retired = (issue.keys ?? []).find((key): key is keyof typeof RETIRED_SCORING_FIELDS =>
    Object.hasOwn(RETIRED_SCORING_FIELDS, key),
  );
  return retired ? RETIRED_SCORING_FIELDS[retired] : undefined;
}

export const scoringRulesSchema = z
  .object(
    {
      enabled: z.boolean().describe('false turns gamification (points, levels, badges, leaderboard) off'),
      pointsPerShare: z
        // A network left out (a document stored before it existed) gets its default points.
        .object(perNetwork((id) => points.default(network(id).defaultPoints)))
        .strict()
        .describe(
          '0 switches a network off entirely: no points, bonuses, click points, streak or badge credit; a network left out gets its default',
        ),
      earlyShareBonus: z
        .object({ withinHours: z.number().int().min(1).max(EARLY_SHARE_MAX_HOURS), points })
        .strict()
        .describe('bonus for sharing within N hours of publishing'),
      personalizedBonus: points.describe('bonus when the advocate changed the suggested text'),
      pointsPerClick: points,
      maxClickPointsPerShare: points.describe('click points one share can earn at most'),
      levels: z
        .array(z.object({ name: lineSchema().trim().min(1).max(40), minPoints: z.number().int().min(0) }).strict())
        .min(1)
        .max(50),
      badges: z
        .array(badgeSchema)
        .max(50)
        .default(() => DEFAULT_BADGES.map((badge) => ({ ...badge })))
        .describe(
          'earned when the metric reaches the threshold; defaults to a first share, a 5-week streak, 10 personalised shares and 100 clicks',
        ),
    },
    { error: retiredFieldMessage },
  )
  .strict()
  .superRefine((rules, ctx) => {
    rules.levels.forEach((level, index) => {
      const previous = rules.levels[index - 1];
      if (index === 0 && level.minPoints !== 0) {
        ctx.addIssue({ code: 'custom', path: ['levels', 0, 'minPoints'], message: 'the first level starts at 0' });
      }
      if (previous && level.minPoints <= previous.minPoints) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'minPoints'],
          message: 'levels must be in increasing order of minPoints',
        });
      }
    });
    const seen = new Set<string>();
    rules.badges.forEach((badge, index) => {
      if (seen.has(badge.id))
        ctx.addIssue({ code: 'custom', path: ['badges', index, 'id'], message: 'is used by another badge' });
      seen.add(badge.id);
    });
  });
export type ScoringRules = z.infer<typeof scoringRulesSchema>;

/**
 * Fields scoring rules no longer have, and where each went. A stored document still holding one
 * loads without it; a PUT that sends one is refused with this message.
 */
export const RETIRED_SCORING_FIELDS = {
  dailyPointsCap:
    "moved: the one daily cap is the guidelines' dailyShareCap (shares per UTC day; shares past it earn no share points). Set it with PUT /v1/admin/guidelines",
} as const;

/** A stored scoring document without its retired fields (so an admin's other settings still load). */
export function withoutRetiredScoringFields(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  const rest: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const field of Object.keys(RETIRED_SCORING_FIELDS)) delete rest[field];
  return rest;
}

export const DEFAULT_SCORING: ScoringRules = {
  enabled: true,
  pointsPerShare: perNetwork((id) => network(id).defaultPoints),
  earlyShareBonus: { withinHours: 24, points: 5 },
  personalizedBonus: 5,
  pointsPerClick: 1,
  maxClickPointsPerShare: 20,
  levels: [
    { name: 'Starter', minPoints: 0 },
    { name: 'Contributor', minPoints: 50 },
    { name: 'Advocate', minPoints: 200 },
    { name: 'Champion', minPoints: 600 },
    { name: 'Legend', minPoints: 1500 },
  ],
  badges: DEFAULT_BADGES,
};

/**
 * Scoring rules as GET /v1/sync sends them: with `dailyPointsCap: null`, which extensions from
 * before the one daily cap require (they score with no points cap; today's read the guidelines'
 * dailyShareCap and drop this field).
 */
export const syncedScoringRulesSchema = z.object({
  ...scoringRulesSchema.shape,
  dailyPointsCap: z
    .null()
    .describe('always null: kept for extensions before 1 daily cap; see guidelines.dailyShareCap'),
});
export type SyncedScoringRules = z.infer<typeof syncedScoringRulesSchema>;

export function syncedScoringRules(rules: ScoringRules): SyncedScoringRules {
  return { ...rules, dailyPointsCap: null };
}
