/** Content: what admins write and publish, and what each advocate receives with their own links. */
import { z } from 'zod';
import { lineSchema, multilineSchema } from '../text';
import { networkLabels, perNetwork, perTextNetwork } from '../networks';
import {
  httpUrlInputSchema,
  httpUrlSchema,
  idSchema,
  isoDateTimeSchema,
  networkSchema,
  NETWORKS,
  TEXT_NETWORKS,
  type Network,
} from './common';
import { normaliseAudienceEntry } from '../audiences';

const tagSchema = lineSchema().trim().min(1).max(40);
const variantTextSchema = multilineSchema().trim().min(1, 'a variant cannot be empty').max(3000);
/** A variant as the extension receives it. */
const storedVariantTextSchema = z.string().trim().min(1, 'a variant cannot be empty').max(3000);
const languageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "en-GB"');

/** Up to ten text variants per network whose share carries text (lib/networks.ts). */
export const variantsSchema = z.object(perTextNetwork(() => z.array(variantTextSchema).max(10).optional())).strict();
export type Variants = z.infer<typeof variantsSchema>;
const storedVariantsSchema = z
  .object(perTextNetwork(() => z.array(storedVariantTextSchema).max(10).optional()))
  .strict();

/** Why an admin publishes past a must-fix guideline: one line, recorded with the content. */
export const overrideReasonSchema = lineSchema()
  .trim()
  .min(1, 'say why this is published although it breaks a must-fix rule')
  .max(500)
  .describe('publish although a variant breaks a must-fix guideline (422 must-fix): why, recorded with the content');

/** An audience entry (lib/audiences.ts): a group id, `region:<code>` or `language:<primary subtag>`; stored normalised. */
const audienceEntrySchema = z
  .string()
  .max(80)
  .transform((entry, ctx) => {
    const normal = normaliseAudienceEntry(entry);
    if (normal === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a group id, "region:<code>" (e.g. region:DE) or "language:<tag>" (e.g. language:de)',
      });
      return z.NEVER;
    }
    return normal;
  });
const audiencesSchema = z
  .array(audienceEntrySchema)
  .max(50)
  .transform((entries) => [...new Set(entries)])
  .describe('who it is for: group ids, region:<code>, language:<tag>; absent or [] is everyone');

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
  audiences: audiencesSchema,
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

const LINK_ONLY = NETWORKS.filter((network) => !(TEXT_NETWORKS as readonly Network[]).includes(network));
const NO_VARIANT_MESSAGE =
  `give at least one ${networkLabels(TEXT_NETWORKS, 'or')} variant, or list the networks` +
  (LINK_ONLY.length ? ` (e.g. ${JSON.stringify(LINK_ONLY.slice(0, 1))})` : '');

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
    audiences: contentFields.audiences.optional(),
    publish: z.boolean().optional().describe('publish at once (or schedule, when publishAt is in the future)'),
    overrideReason: overrideReasonSchema.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    checkWindow(value, ctx);
    checkNetworks(value, ctx);
    if (!value.networks && !TEXT_NETWORKS.some((network) => value.variants[network]?.length)) {
      ctx.addIssue({ code: 'custom', path: ['variants'], message: NO_VARIANT_MESSAGE });
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
    audiences: contentFields.audiences.optional(),
    // Live or scheduled content stays published: a change that breaks a must-fix rule needs one.
    overrideReason: overrideReasonSchema.optional(),
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

/** POST /v1/admin/content/{id}/publish's optional body. */
export const publishBodySchema = z.object({ overrideReason: overrideReasonSchema.optional() }).strict();
export type PublishBody = z.infer<typeof publishBodySchema>;

/** One must-fix rule a variant breaks (lib/guidelines/publish-check.ts), as the 422 and an override list them. */
export const mustFixFailureSchema = z.object({
  network: networkSchema,
  variant: z.number().int().min(0),
  kind: z.string(),
  label: z.string(),
  message: z.string(),
  term: z.object({ pattern: z.string(), regex: z.boolean().optional(), reason: z.string() }).optional(),
  range: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
});

/** A publish past must-fix rules: why, by which admin (id, and their name or email while they exist), when, and what. */
export const contentOverrideSchema = z.object({
  reason: z.string(),
  by: z.string(),
  byName: z.string().nullable(),
  at: isoDateTimeSchema,
  failures: z.array(mustFixFailureSchema),
});
export type ContentOverride = z.infer<typeof contentOverrideSchema>;

export const contentItemSchema = z.object({
  ...publicContentFields,
  audiences: z.array(z.string()).describe('who it is for (lib/audiences.ts); [] is everyone'),
  status: contentStatusSchema,
  override: contentOverrideSchema.nullable().describe('set when it was published past must-fix guidelines'),
});
export type ContentItem = z.infer<typeof contentItemSchema>;

export const linksSchema = z.object(perNetwork(() => httpUrlSchema.optional())).strict();
export type Links = z.infer<typeof linksSchema>;

/** What an advocate's extension receives: live content only, with this advocate's own links. */
export const advocateItemSchema = z.object({
  ...publicContentFields,
  url: httpUrlSchema,
  links: linksSchema,
});
export type AdvocateItem = z.infer<typeof advocateItemSchema>;
