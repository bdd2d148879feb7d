/**
 * The shapes every part of Relay agrees on: what admins send, what the server stores and returns,
 * and what advocates receive. The server validates with these, the extension validates its sync
 * payloads with these, and /openapi.json is generated from them.
 */
import { z } from 'zod';
import { displayNameSchema, lineSchema, multilineSchema } from './text';

import { NETWORKS, TEXT_NETWORKS, type Network, type TextNetwork } from './networks';

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
const idSchema = lineSchema().min(1).max(64);
const tagSchema = lineSchema().trim().min(1).max(40);
const variantTextSchema = multilineSchema().trim().min(1, 'a variant cannot be empty').max(3000);
/** A variant as the extension receives it. */
const storedVariantTextSchema = z.string().trim().min(1, 'a variant cannot be empty').max(3000);
const languageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "en-GB"');

export const variantsSchema = z
  .object({
    linkedin: z.array(variantTextSchema).max(10).optional(),
    x: z.array(variantTextSchema).max(10).optional(),
  })
  .strict();
export type Variants = z.infer<typeof variantsSchema>;
const storedVariantsSchema = z
  .object({
    linkedin: z.array(storedVariantTextSchema).max(10).optional(),
    x: z.array(storedVariantTextSchema).max(10).optional(),
  })
  .strict();

const contentFields = {
  title: lineSchema().trim().min(1, 'a title is required').max(200),
  url: httpUrlInputSchema,
  note: multilineSchema().max(2000),
  imageUrl: httpUrlInputSchema,
  campaign: lineSchema().trim().min(1).max(100),
  language: languageSchema,
  tags: z.array(tagSchema).max(20),
  variants: variantsSchema,
  networks: z.array(networkSchema).min(1).max(NETWORKS.length),
  publishAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
};

type WindowFields = { publishAt?: string | null; expiresAt?: string | null };
type NetworkFields = { networks?: Network[] | null; variants?: Variants };

function checkWindow(value: WindowFields, ctx: z.RefinementCtx): void {
  if (value.publishAt && value.expiresAt && Date.parse(value.expiresAt) <= Date.parse(value.publishAt)) {
    ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be later than publishAt' });
  }
}

function checkNetworks(value: NetworkFields, ctx: z.RefinementCtx): void {
  const networks = value.networks;
  if (!networks) return;
  if (new Set(networks).size !== networks.length) {
    ctx.addIssue({ code: 'custom', path: ['networks'], message: 'lists a network twice' });
  }
  if (!value.variants) return;
  for (const network of TEXT_NETWORKS) {
    if (networks.includes(network) && !value.variants[network]?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['variants', network],
        message: `${network} is listed in networks but has no text variants`,
      });
    }
  }
}

export const contentInputSchema = z
  .object({
    ...contentFields,
    note: contentFields.note.optional(),
    imageUrl: contentFields.imageUrl.optional(),
    campaign: contentFields.campaign.optional(),
    language: contentFields.language.optional(),
    tags: contentFields.tags.optional(),
    networks: contentFields.networks.optional(),
    publishAt: contentFields.publishAt.optional(),
    expiresAt: contentFields.expiresAt.optional(),
    publish: z.boolean().optional().describe('publish at once (or schedule, when publishAt is in the future)'),
  })
  .strict()
  .superRefine((value, ctx) => {
    checkWindow(value, ctx);
    checkNetworks(value, ctx);
    if (!value.networks && !value.variants.linkedin?.length && !value.variants.x?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['variants'],
        message: 'give at least one LinkedIn or X variant, or list the networks (e.g. ["facebook"])',
      });
    }
  });
export type ContentInput = z.infer<typeof contentInputSchema>;

/** PATCH body: any subset of ContentInput's fields; null clears an optional field. */
export const contentPatchSchema = z
  .object({
    title: contentFields.title.optional(),
    url: contentFields.url.optional(),
    note: contentFields.note.nullable().optional(),
    imageUrl: contentFields.imageUrl.nullable().optional(),
    campaign: contentFields.campaign.nullable().optional(),
    language: contentFields.language.nullable().optional(),
    tags: contentFields.tags.optional(),
    variants: contentFields.variants.optional(),
    networks: contentFields.networks.nullable().optional(),
    publishAt: contentFields.publishAt.nullable().optional(),
    expiresAt: contentFields.expiresAt.nullable().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    checkWindow(value, ctx);
    checkNetworks(value, ctx);
  });
export type ContentPatch = z.infer<typeof contentPatchSchema>;

export const contentStatusSchema = z.enum(['draft', 'scheduled', 'published', 'archived']);
export type ContentStatus = z.infer<typeof contentStatusSchema>;

const publicContentFields = {
  id: idSchema,
  title: z.string(),
  url: z.string(),
  note: z.string().nullable(),
  imageUrl: z.string().nullable(),
  campaign: z.string().nullable(),
  language: z.string().nullable(),
  tags: z.array(z.string()),
  variants: storedVariantsSchema,
  networks: z.array(networkSchema),
  publishAt: isoDateTimeSchema.nullable(),
  expiresAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
};

export const contentItemSchema = z.object({ ...publicContentFields, status: contentStatusSchema });
export type ContentItem = z.infer<typeof contentItemSchema>;

export const linksSchema = z
  .object({ linkedin: httpUrlSchema.optional(), x: httpUrlSchema.optional(), facebook: httpUrlSchema.optional() })
  .strict();
export type Links = z.infer<typeof linksSchema>;

/** What an advocate's extension receives: live content only, with this advocate's own links. */
export const advocateItemSchema = z.object({
  ...publicContentFields,
  url: httpUrlSchema,
  links: linksSchema,
});
export type AdvocateItem = z.infer<typeof advocateItemSchema>;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}

export const bannedTermSchema = z
  .object({
    pattern: lineSchema().trim().min(1).max(200),
    regex: z.boolean().optional(),
    reason: lineSchema().trim().min(1, 'say why the term is banned').max(300),
  })
  .strict()
  .superRefine((term, ctx) => {
    if (term.regex && !compiles(term.pattern)) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'is not a valid regular expression' });
    }
  });
export type BannedTerm = z.infer<typeof bannedTermSchema>;

export const guidelinesSchema = z
  .object({
    disclosure: z
      .object({
        text: lineSchema().trim().min(1).max(100).describe('e.g. "#employee" or "I work at Acme"'),
        networks: z.array(networkSchema).min(1),
      })
      .strict()
      .optional(),
    bannedTerms: z.array(bannedTermSchema).max(1000),
    maxHashtags: z.number().int().min(0).max(30).optional(),
    dailyShareCap: z.number().int().min(1).max(500).optional(),
    companyNames: z.array(lineSchema().trim().min(1).max(100)).max(50).optional(),
  })
  .strict();
export type Guidelines = z.infer<typeof guidelinesSchema>;

export const DEFAULT_GUIDELINES: Guidelines = { bannedTerms: [] };

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

export const scoringRulesSchema = z
  .object({
    enabled: z.boolean().describe('false turns gamification (points, levels, badges, leaderboard) off'),
    pointsPerShare: z
      .object({ linkedin: points, x: points, facebook: points })
      .strict()
      .describe('0 switches a network off entirely: no points, bonuses, click points, streak or badge credit'),
    earlyShareBonus: z
      .object({ withinHours: z.number().int().min(1).max(EARLY_SHARE_MAX_HOURS), points })
      .strict()
      .describe('bonus for sharing within N hours of publishing'),
    personalizedBonus: points.describe('bonus when the advocate changed the suggested text'),
    pointsPerClick: points,
    maxClickPointsPerShare: points.describe('click points one share can earn at most'),
    dailyPointsCap: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .nullable()
      .describe(
        'most share points (with bonuses) per UTC day; click points are capped per share instead. null: no cap',
      ),
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
  })
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

export const DEFAULT_SCORING: ScoringRules = {
  enabled: true,
  pointsPerShare: { linkedin: 10, x: 10, facebook: 5 },
  earlyShareBonus: { withinHours: 24, points: 5 },
  personalizedBonus: 5,
  pointsPerClick: 1,
  maxClickPointsPerShare: 20,
  dailyPointsCap: 200,
  levels: [
    { name: 'Starter', minPoints: 0 },
    { name: 'Contributor', minPoints: 50 },
    { name: 'Advocate', minPoints: 200 },
    { name: 'Champion', minPoints: 600 },
    { name: 'Legend', minPoints: 1500 },
  ],
  badges: DEFAULT_BADGES,
};

export const shareEventSchema = z
  .object({
    id: z.uuid().describe('made by the client; the same id sent twice counts once'),
    contentId: idSchema,
    network: networkSchema,
    sharedAt: isoDateTimeSchema.describe(
      "by the client's clock; corrected by the server (see sentAt) and never later than the server's now",
    ),
    personalized: z
      .boolean()
      .optional()
      .describe('the advocate changed the suggested text; only LinkedIn and X shares carry text, so only they can be'),
  })
  .strict();
export type ShareEvent = z.infer<typeof shareEventSchema>;

/** Most events in one POST /v1/shares. */
export const MAX_SHARES_PER_REQUEST = 200;

export const sharesRequestSchema = z
  .object({
    events: z.array(shareEventSchema).min(1).max(MAX_SHARES_PER_REQUEST),
    sentAt: isoDateTimeSchema
      .optional()
      .describe(
        "the client's clock when it sent the request: every sharedAt is moved by the server's now minus sentAt (clock skew)",
      ),
  })
  .strict();
export type SharesRequest = z.infer<typeof sharesRequestSchema>;
export const sharesResponseSchema = z.object({
  accepted: z.number().int().describe('events stored'),
  duplicates: z
    .number()
    .int()
    .describe('events already recorded (same id, or sent twice in this request), or beyond the stored-events cap'),
  queued: z
    .number()
    .int()
    .optional()
    .describe(
      'events taken while the database was unreachable: kept by the server and stored once it is back (duplicates are then skipped)',
    ),
});

export const syncResponseSchema = z.object({
  cursor: z.string().min(1),
  content: z.array(advocateItemSchema),
  removed: z.array(idSchema),
  guidelines: guidelinesSchema,
  scoring: scoringRulesSchema,
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;

export const adminSessionRequestSchema = z
  .object({ email: z.email().max(254), password: z.string().min(1).max(1024) })
  .strict();
export const adminSchema = z.object({ id: idSchema, email: z.string() });
export const adminSessionResponseSchema = z.object({ token: z.string(), admin: adminSchema });

/** A new invite: `expiresAt` omitted expires in INVITE_DEFAULT_DAYS days; null never expires. */
export const inviteInputSchema = z
  .object({
    maxUses: z.number().int().min(1).max(100_000).optional(),
    expiresAt: isoDateTimeSchema.nullable().optional(),
  })
  .strict();
/** How long an invite made without `expiresAt` lasts. */
export const INVITE_DEFAULT_DAYS = 30;
/** An invite as lists show it: the code is stored hashed, so only its non-secret hint (first group). */
export const inviteSchema = z.object({
  id: idSchema,
  hint: z.string(),
  expiresAt: isoDateTimeSchema.nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  revoked: z.boolean(),
  createdAt: isoDateTimeSchema,
});
/** The answer to creating an invite: the only time its code is shown. */
export const createdInviteSchema = inviteSchema.extend({ code: z.string() });

export const enrollRequestSchema = z
  .object({
    code: lineSchema().trim().min(1).max(64),
    name: displayNameSchema().min(1, 'a name is required').max(80),
  })
  .strict();
export const advocateSchema = z.object({ id: idSchema, name: z.string() });
export const enrollResponseSchema = z.object({ token: z.string(), advocate: advocateSchema });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Leaderboard periods: the current ISO week (UTC), the current UTC month, or all time. */
export const PERIODS = ['week', 'month', 'all'] as const;
export const periodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof periodSchema>;

const teamSchema = displayNameSchema().min(1, 'a team name cannot be empty').max(60);

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
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'change at least one of clickTracking, leaderboard, team',
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

/**
 * The advocate's events as the server stored them, summarised to what scoring needs
 * (lib/history-summary.ts), so the extension can score this browser's log together with shares
 * made elsewhere and the clicks only the server sees, with lib/points.ts. Servers before the
 * summary sent every event and clicks per hour, in the same shape; both score alike.
 */
export const meHistorySchema = z.object({
  shares: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        contentId: idSchema,
        network: networkSchema,
        sharedAt: isoDateTimeSchema,
        personalized: z.boolean(),
        publishedAt: isoDateTimeSchema.nullable().describe('when the content was published; null: unknown'),
      }),
    )
    .describe('the counted share event of each content item and network (the earliest)'),
  clicks: z
    .array(
      z.object({
        contentId: idSchema,
        network: networkSchema,
        at: isoDateTimeSchema.describe(
          'the start of the stretch of time within one ISO week and one UTC month the clicks came in',
        ),
        count: z.number().int().min(1),
      }),
    )
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
});
export type MeResponse = z.infer<typeof meResponseSchema>;

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
