/** Content: what admins write and publish, and what each advocate receives with their own links. */
import { z } from 'zod';
import { lineSchema, multilineSchema } from '../text';
import { languageTagSchema, MAX_TRANSLATIONS } from '../languages';
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
import { approvalCommentSchema, contentReviewSchema } from './approvals';

const tagSchema = lineSchema().trim().min(1).max(40);
const variantTextSchema = multilineSchema().trim().min(1, 'a variant cannot be empty').max(3000);
/** A variant as the extension receives it. */
const storedVariantTextSchema = z.string().trim().min(1, 'a variant cannot be empty').max(3000);
const languageSchema = languageTagSchema;

/** Up to ten text variants per network whose share carries text (lib/networks.ts). */
export const variantsSchema = z.object(perTextNetwork(() => z.array(variantTextSchema).max(10).optional())).strict();
export type Variants = z.infer<typeof variantsSchema>;
const storedVariantsSchema = z
  .object(perTextNetwork(() => z.array(storedVariantTextSchema).max(10).optional()))
  .strict();

/** One language's version of a post: its own title (else the post's) and its own variants. */
export const translationSchema = z
  .object({ title: lineSchema().trim().min(1).max(200).optional(), variants: variantsSchema })
  .strict()
  .superRefine((value, ctx) => {
    if (!Object.values(value.variants).some((list) => list?.length)) {
      ctx.addIssue({ code: 'custom', path: ['variants'], message: 'give at least one variant in this language' });
    }
  });
export type Translation = z.infer<typeof translationSchema>;

/**
 * The post in other languages than its own `language`, by tag: at most ten. A language lacking a
 * network's variants falls back to the default language's for that network.
 */
export const translationsSchema = z
  .record(languageTagSchema, translationSchema)
  .superRefine((value, ctx) => {
    if (Object.keys(value).length > MAX_TRANSLATIONS) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_TRANSLATIONS} languages beside the post's own` });
    }
  })
  .describe("the post in other languages: {[tag]: {title?, variants}}; the post's own language is `language`");
export type Translations = z.infer<typeof translationsSchema>;
const storedTranslationsSchema = z.record(
  z.string(),
  z.object({ title: z.string().optional(), variants: storedVariantsSchema }),
);

/** Why an admin publishes past a must-fix guideline: one line, recorded with the content. */
export const overrideReasonSchema = lineSchema()
  .trim()
  .min(1, 'say why this is published although it breaks a must-fix rule')
  .max(500)
  .describe('publish although a variant breaks a must-fix guideline (422 must-fix): why, recorded with the content');

/** An audience entry (lib/audiences.ts): a group id, `region:<code>` or `language:<primary subtag>`; stored normalised. */
const audienceEntrySchema = lineSchema()
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
  translations: translationsSchema,
  networks: z.array(networkSchema).min(1).max(NETWORKS.length),
  publishAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
  audiences: audiencesSchema,
};

type WindowFields = { publishAt?: string | null; expiresAt?: string | null };
type NetworkFields = { networks?: Network[] | null; variants?: Variants };
type LanguageFields = { language?: string | null; translations?: Translations | null };

/** A translation cannot be in the post's own language (its variants are that language's text). */
function checkTranslations(value: LanguageFields, ctx: z.RefinementCtx): void {
  if (!value.translations || !value.language) return;
  const own = value.language.toLowerCase();
  for (const tag of Object.keys(value.translations)) {
    if (tag.toLowerCase() === own) {
      ctx.addIssue({
        code: 'custom',
        path: ['translations', tag],
        message: `is the post's own language: its text goes in variants`,
      });
    }
  }
}

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
    translations: contentFields.translations.optional(),
    networks: contentFields.networks.optional(),
    publishAt: contentFields.publishAt.optional(),
    expiresAt: contentFields.expiresAt.optional(),
    audiences: contentFields.audiences.optional(),
    publish: z.boolean().optional().describe('publish at once (or schedule, when publishAt is in the future)'),
    overrideReason: overrideReasonSchema.optional(),
    submit: z.boolean().optional().describe('with approvals on: create it submitted for approval (pending)'),
  })
  .strict()
  .superRefine((value, ctx) => {
    checkWindow(value, ctx);
    checkNetworks(value, ctx);
    checkTranslations(value, ctx);
    if (value.translations && Object.keys(value.translations).length > 0 && !value.language) {
      ctx.addIssue({
        code: 'custom',
        path: ['language'],
        message: "say the post's own language when it has translations",
      });
    }
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
    translations: contentFields.translations.nullable().optional(),
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
    checkTranslations(value, ctx);
  });
export type ContentPatch = z.infer<typeof contentPatchSchema>;

/** pending: submitted for approval (approvals on), not on any extension until approved. */
export const contentStatusSchema = z.enum(['draft', 'pending', 'scheduled', 'published', 'archived']);
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
export const publishBodySchema = z
  .object({
    overrideReason: overrideReasonSchema.optional(),
    comment: approvalCommentSchema.optional().describe("with approvals on: the approver's comment, recorded"),
  })
  .strict();
export type PublishBody = z.infer<typeof publishBodySchema>;

/** One must-fix rule a variant breaks (lib/guidelines/publish-check.ts), as the 422 and an override list them. */
export const mustFixFailureSchema = z.object({
  network: networkSchema,
  variant: z.number().int().min(0),
  language: z.string().optional().describe("the language of the variant (the post's own or a translation's tag)"),
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
  translations: storedTranslationsSchema.describe(
    "the post in other languages, by tag (the default's text is `variants`)",
  ),
  audiences: z.array(z.string()).describe('who it is for (lib/audiences.ts); [] is everyone'),
  status: contentStatusSchema,
  override: contentOverrideSchema.nullable().describe('set when it was published past must-fix guidelines'),
  review: contentReviewSchema
    .nullable()
    .describe('its latest submission for approval and review; null: never submitted'),
});
export type ContentItem = z.infer<typeof contentItemSchema>;

export const linksSchema = z.object(perNetwork(() => httpUrlSchema.optional())).strict();
export type Links = z.infer<typeof linksSchema>;

/** What an advocate's extension receives: live content only, with this advocate's own links. */
export const advocateItemSchema = z.object({
  ...publicContentFields,
  url: httpUrlSchema,
  links: linksSchema,
  languages: z
    .array(z.string())
    .optional()
    .describe("every language the post is in: its own first, then its translations'"),
});
export type AdvocateItem = z.infer<typeof advocateItemSchema>;
