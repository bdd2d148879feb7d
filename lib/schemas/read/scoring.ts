/** Scoring rules as the extension reads them: badges of unknown kinds and unknown networks left out. */
import { z } from 'zod';
import {
  BADGE_METRICS,
  DEFAULT_BADGES,
  scoringRulesSchema,
  type Badge,
  type BadgeMetric,
  type ScoringRules,
} from '../scoring';
import { everyNetwork, knownItems } from './tolerant';

const METRICS = new Set<string>(BADGE_METRICS);

export function isBadgeMetric(value: unknown): value is BadgeMetric {
  return typeof value === 'string' && METRICS.has(value);
}

/** A badge's fields as the server sends them (it checked them when the admins saved them). */
export const readBadgeFields = {
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  metric: z.enum(BADGE_METRICS),
  threshold: z.number().int().min(1),
};

/** Badges of the metrics this version measures; a newer server's other kinds are left out. */
export const readBadgesSchema = knownItems(
  (badge) => isBadgeMetric(badge.metric),
  z.object(readBadgeFields),
) satisfies z.ZodType<Badge[], unknown>;

const points = z.number().int().min(0);

/**
 * Every rule today's extension scores with; unknown fields are stripped at every level, unknown
 * networks' points dropped, and a network an older server did not list scores nothing (0: off).
 */
export const readScoringRulesSchema: z.ZodType<ScoringRules, unknown> = z.object({
  ...scoringRulesSchema.shape,
  pointsPerShare: everyNetwork(points, 0),
  earlyShareBonus: z.object({ withinHours: z.number().int().min(1), points }),
  levels: z.array(z.object({ name: z.string(), minPoints: z.number().int().min(0) })).min(1),
  // Servers before badges sent none: the defaults, as the write schema gives.
  badges: readBadgesSchema.optional().transform((badges) => badges ?? DEFAULT_BADGES.map((badge) => ({ ...badge }))),
});
