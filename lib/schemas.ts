/**
 * The shapes every part of Relay agrees on: what admins send, what the server stores and returns,
 * and what advocates receive. The server validates with these, the extension validates its sync
 * payloads with these, and /openapi.json is generated from them.
 */
import { z } from 'zod';

export const NETWORKS = ['linkedin', 'x', 'facebook'] as const;
export const networkSchema = z.enum(NETWORKS);
export type Network = z.infer<typeof networkSchema>;

/** Networks whose share carries text written by us (Facebook takes a URL only). */
export const TEXT_NETWORKS = ['linkedin', 'x'] as const;
export type TextNetwork = (typeof TEXT_NETWORKS)[number];

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

export const httpUrlSchema = z.string().max(2048).refine(isHttpUrl, { message: 'must be an absolute http(s) URL' });

const idSchema = z.string().min(1).max(64);
const tagSchema = z.string().trim().min(1).max(40);
const variantTextSchema = z.string().trim().min(1, 'a variant cannot be empty').max(3000);
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

const contentFields = {
  title: z.string().trim().min(1, 'a title is required').max(200),
  url: httpUrlSchema,
  note: z.string().max(2000),
  imageUrl: httpUrlSchema,
  campaign: z.string().trim().min(1).max(100),
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
  variants: variantsSchema,
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
    pattern: z.string().trim().min(1).max(200),
    regex: z.boolean().optional(),
    reason: z.string().trim().min(1, 'say why the term is banned').max(300),
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
        text: z.string().trim().min(1).max(100).describe('e.g. "#employee" or "I work at Acme"'),
        networks: z.array(networkSchema).min(1),
      })
      .strict()
      .optional(),
    bannedTerms: z.array(bannedTermSchema).max(1000),
    maxHashtags: z.number().int().min(0).max(30).optional(),
    dailyShareCap: z.number().int().min(1).max(500).optional(),
    companyNames: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  })
  .strict();
export type Guidelines = z.infer<typeof guidelinesSchema>;

export const DEFAULT_GUIDELINES: Guidelines = { bannedTerms: [] };

const points = z.number().int().min(0).max(10_000);
const EARLY_SHARE_MAX_HOURS = 24 * 30;

export const scoringRulesSchema = z
  .object({
    enabled: z.boolean().describe('false turns gamification (points, levels, leaderboard) off'),
    pointsPerShare: z.object({ linkedin: points, x: points, facebook: points }).strict(),
    earlyShareBonus: z
      .object({ withinHours: z.number().int().min(1).max(EARLY_SHARE_MAX_HOURS), points })
      .strict()
      .describe('bonus for sharing within N hours of publishing'),
    personalizedBonus: points.describe('bonus when the advocate changed the suggested text'),
    pointsPerClick: points,
    maxClickPointsPerShare: points,
    dailyPointsCap: z.number().int().min(1).max(1_000_000).nullable().describe('null: no daily cap'),
    levels: z
      .array(z.object({ name: z.string().trim().min(1).max(40), minPoints: z.number().int().min(0) }).strict())
      .min(1)
      .max(50),
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
};

export const shareEventSchema = z
  .object({
    id: z.uuid().describe('made by the client; the same id sent twice counts once'),
    contentId: idSchema,
    network: networkSchema,
    sharedAt: isoDateTimeSchema,
    personalized: z.boolean().optional(),
  })
  .strict();
export type ShareEvent = z.infer<typeof shareEventSchema>;

export const sharesRequestSchema = z.object({ events: z.array(shareEventSchema).min(1).max(200) }).strict();
export const sharesResponseSchema = z.object({ accepted: z.number().int(), duplicates: z.number().int() });

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

export const inviteInputSchema = z
  .object({
    maxUses: z.number().int().min(1).max(100_000).optional(),
    expiresAt: isoDateTimeSchema.optional(),
  })
  .strict();
export const inviteSchema = z.object({
  code: z.string(),
  expiresAt: isoDateTimeSchema.nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  revoked: z.boolean(),
  createdAt: isoDateTimeSchema,
});

export const enrollRequestSchema = z
  .object({ code: z.string().trim().min(1).max(64), name: z.string().trim().min(1, 'a name is required').max(80) })
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
