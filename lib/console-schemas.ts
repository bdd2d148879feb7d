/**
 * Shapes of the endpoints the admin console needs beyond the core contract: the session it restores
 * on reload, content filters, link previews, the advocate list and analytics. Shared by the server
 * (validation and OpenAPI) and the console.
 */
import { z } from 'zod';
import {
  adminSchema,
  adminSessionResponseSchema,
  contentItemSchema,
  contentStatusSchema,
  httpUrlInputSchema,
  NETWORKS,
} from './schemas';
import { roleSchema } from './roles';
import { permissionSchema } from './schemas/admins';
import { displayNameSchema, lineSchema } from './text';

export const adminSignInResponseSchema = adminSessionResponseSchema.extend({
  admin: adminSchema.extend({ role: roleSchema }),
  permissions: z.array(permissionSchema).describe("what the admin's role allows (lib/roles.ts)"),
  csrfToken: z.string().describe('send as X-CSRF-Token on cookie-authenticated POST, PUT, PATCH and DELETE'),
});

export const adminSessionStateSchema = z.object({
  admin: adminSchema.extend({ role: roleSchema.describe('owner, editor, approver or analyst (see Roles)') }),
  permissions: z
    .array(permissionSchema)
    .describe("what the admin's role allows (lib/roles.ts): the console hides the rest; the server decides"),
  csrfToken: z.string().describe('send as X-CSRF-Token on cookie-authenticated POST, PUT, PATCH and DELETE'),
  expiresAt: z.string().describe('when the session ends'),
});
export type AdminSessionState = z.infer<typeof adminSessionStateSchema>;

export const contentListQuerySchema = z.object({
  status: contentStatusSchema.optional().describe('only content with this status'),
  q: lineSchema()
    .trim()
    .max(200)
    .optional()
    .describe('case-insensitive text in the title, URL, note, campaign or tags'),
});
export type ContentListQuery = z.infer<typeof contentListQuerySchema>;

export const linkPreviewRequestSchema = z
  .object({
    url: httpUrlInputSchema.describe('the page to preview: a public http(s) address'),
  })
  .strict();

export const linkPreviewSchema = z.object({
  title: z.string().nullable(),
  description: z.string().nullable(),
  imageUrl: z.string().nullable(),
  siteName: z.string().nullable(),
  url: z.string().describe('the page the preview was read from, after redirects'),
});
export type LinkPreview = z.infer<typeof linkPreviewSchema>;

/** POST /v1/admin/images: the stored image's id and the public address to use as an image or logo URL. */
export const uploadedImageSchema = z.object({
  id: z.string().describe('the image id (the same bytes always get the same id)'),
  url: z.string().describe('<RELAY_PUBLIC_URL>/v1/images/<id>: public, cached for a year'),
});
export type UploadedImage = z.infer<typeof uploadedImageSchema>;

/** Whether an advocate's token still works, and if not, why. */
export const ADVOCATE_ACCESS = ['active', 'removed', 'signed-out', 'expired', 'deprovisioned'] as const;
export type AdvocateAccess = (typeof ADVOCATE_ACCESS)[number];

export const adminAdvocateSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastSyncAt: z.string().nullable(),
  shareCount: z.number().int(),
  clickCount: z.number().int().describe('counted clicks on the advocate’s tracked links'),
  clickTracking: z.boolean(),
  leaderboard: z.boolean(),
  team: z.string().nullable().optional(),
  region: z.string().nullable().optional().describe('from SCIM, the IdP region claim, or set in the console'),
  access: z
    .enum(ADVOCATE_ACCESS)
    .describe(
      'active; removed by an admin (data kept); signed-out by the advocate (every browser); expired (every token unused too long); deprovisioned by the company (SCIM)',
    ),
  accessEndedAt: z.string().nullable().describe('when access was removed, signed out or expired; null while active'),
  browsers: z.number().int().optional().describe('browsers signed in: tokens that still work'),
  lastTokenUseAt: z
    .string()
    .nullable()
    .optional()
    .describe('when one of their tokens was last used (recorded at most hourly); null when none is left'),
  email: z.string().nullable().optional(),
  workAccount: z
    .boolean()
    .optional()
    .describe('signs in with the identity provider (their access, once removed, can be restored)'),
  signedInWith: z
    .enum(['invite', 'sso'])
    .nullable()
    .optional()
    .describe('how their most recently used browser signed in: an invite code or the work account; null: none'),
});
export type AdminAdvocate = z.infer<typeof adminAdvocateSchema>;
export const adminAdvocatesSchema = z.object({ items: z.array(adminAdvocateSchema) });

/** DELETE /v1/admin/advocates/{id}: keep the advocate's data (default) or erase it. */
export const removeAdvocateQuerySchema = z.object({
  erase: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe(
      'false (default): the token stops working, shares, clicks and points are kept and the advocate is shown as removed; ' +
        'true: everything about the advocate is deleted',
    ),
});

/** A UTC day, YYYY-MM-DD (a full ISO date-time is accepted and taken as its UTC day). */
const daySchema = lineSchema()
  .trim()
  .refine((value) => parseDay(value) !== null, 'must be a date, YYYY-MM-DD')
  .transform((value) => parseDay(value)!);

/** Days since the epoch of a YYYY-MM-DD (or ISO date-time) string, or null when it is not one. */
export function parseDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const dayStart = Date.UTC(y, m - 1, d);
  const check = new Date(dayStart);
  // Rejects 2026-02-30 and the like, which Date would roll over.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  if (value.length > 10) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return null;
    return Math.floor(ms / 86_400_000);
  }
  return dayStart / 86_400_000;
}

export const ANALYTICS_MAX_DAYS = 366;
export const ANALYTICS_DEFAULT_DAYS = 30;

export const analyticsQuerySchema = z.object({
  from: daySchema
    .optional()
    .describe(`first UTC day (YYYY-MM-DD); default ${ANALYTICS_DEFAULT_DAYS - 1} days before to`),
  to: daySchema.optional().describe('last UTC day, included (YYYY-MM-DD); default today'),
  audience: lineSchema()
    .max(2000)
    .optional()
    .describe('count only advocates now in this audience: comma-separated entries, combined as a post audience is'),
  compare: lineSchema()
    .max(2000)
    .optional()
    .describe('comma-separated audience entries (at most 5): one series each, in compare[]'),
});

export const ANALYTICS_TABLES = ['perDay', 'perNetwork', 'perContent', 'perAdvocate'] as const;
export const analyticsCsvQuerySchema = analyticsQuerySchema.extend({
  table: z.enum(ANALYTICS_TABLES).default('perDay').describe('which table to export; default perDay'),
});

const counts = { shares: z.number().int(), clicks: z.number().int() };

/** One audience's series in a comparison (GET /v1/admin/analytics?compare=…). */
export const analyticsSeriesSchema = z.object({
  audience: z.string(),
  advocates: z.number().int().describe('advocates (with access) now in it'),
  totals: z.object(counts),
  perDay: z.array(z.object({ date: z.string(), ...counts })),
});

export const analyticsSchema = z.object({
  audience: z.array(z.string()).optional().describe('the audience counted, when ?audience= was given'),
  compare: z.array(analyticsSeriesSchema).optional().describe('one series per ?compare= entry'),
  from: z.string().describe('first UTC day, YYYY-MM-DD'),
  to: z.string().describe('last UTC day, included, YYYY-MM-DD'),
  totals: z.object({
    ...counts,
    activeInstalls: z.number().int().describe('advocates whose extension synced in the last 7 days'),
    advocates: z.number().int().describe('advocates enrolled (not removed, signed out or expired)'),
  }),
  perDay: z.array(z.object({ date: z.string(), ...counts })).describe('every day of the range, oldest first'),
  perNetwork: z.array(z.object({ network: z.enum(NETWORKS), ...counts })),
  perContent: z
    .array(z.object({ contentId: z.string(), title: z.string(), ...counts }))
    .describe('the top 20 by shares, then clicks'),
  perAdvocate: z
    .array(z.object({ advocateId: z.string(), name: z.string(), ...counts }))
    .describe('the top 20 by shares, then clicks'),
});
export type Analytics = z.infer<typeof analyticsSchema>;

/** GET /v1/admin/overview: the console's home, "is it working?", over the last OVERVIEW_DAYS UTC days. */
export const OVERVIEW_DAYS = 30;
/** How far ahead "expiring soon" looks. */
export const OVERVIEW_EXPIRING_DAYS = 14;
/** Rows in each of the home's lists. */
export const OVERVIEW_LIST = 5;

const weekCounts = z.object({
  ...counts,
  advocates: z.number().int().describe('advocates who shared at least once'),
});
const titled = { id: z.string(), title: z.string() };

export const overviewSchema = z.object({
  today: z.string().describe('the last UTC day counted, YYYY-MM-DD'),
  advocates: z.number().int().describe('advocates enrolled (not removed, signed out or expired)'),
  thisWeek: weekCounts.describe('the last 7 UTC days, today included'),
  lastWeek: weekCounts.describe('the 7 UTC days before those'),
  perDay: z
    .array(z.object({ date: z.string(), ...counts }))
    .describe(`each of the last ${OVERVIEW_DAYS} UTC days, oldest first`),
  topPosts: z
    .array(z.object({ contentId: z.string(), title: z.string(), ...counts }))
    .describe(`the top ${OVERVIEW_LIST} posts of those days by shares, then clicks`),
  goingLive: z
    .array(z.object({ ...titled, publishAt: z.string() }))
    .describe(`scheduled posts, the next ${OVERVIEW_LIST} to go live, soonest first`),
  expiring: z
    .array(z.object({ ...titled, expiresAt: z.string() }))
    .describe(`live posts that expire within ${OVERVIEW_EXPIRING_DAYS} days, soonest first (at most ${OVERVIEW_LIST})`),
});
export type Overview = z.infer<typeof overviewSchema>;

/** GET /v1/admin/content: each item with its shares and counted clicks, all time. */
export const contentListItemSchema = contentItemSchema.extend({
  shares: z.number().int().describe('share events recorded for this post, all time'),
  clicks: z.number().int().describe('counted clicks on its tracked links, all time'),
});
export type ContentListItem = z.infer<typeof contentListItemSchema>;
export const contentListSchema = z.object({ items: z.array(contentListItemSchema) });

/** POST /v1/admin/scim-tokens: a token for the identity provider's provisioning (SCIM), with an optional label. */
export const scimTokenCreateSchema = z
  .object({
    label: displayNameSchema()
      .min(1, 'a label cannot be empty')
      .max(80)
      .optional()
      .describe('what the token is for, e.g. "Entra ID"'),
  })
  .strict();
export type ScimTokenCreate = z.infer<typeof scimTokenCreateSchema>;

/** A SCIM token as listed: never the token itself, only its last four characters. */
export const scimTokenSchema = z.object({
  id: z.string(),
  hint: z.string().describe('the token’s last four characters'),
  label: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().describe('when the identity provider last used it (to the minute); null: never'),
  revoked: z.boolean(),
});
export type ScimToken = z.infer<typeof scimTokenSchema>;
export const scimTokenListSchema = z.object({ items: z.array(scimTokenSchema) });

/** The answer to creating a SCIM token: the only time the token is shown. */
export const scimTokenCreatedSchema = z.object({
  id: z.string(),
  token: z.string().describe('the bearer token to paste into the identity provider; shown only in this answer'),
  hint: z.string(),
  label: z.string().nullable(),
  createdAt: z.string(),
});
export type ScimTokenCreated = z.infer<typeof scimTokenCreatedSchema>;

/** What a SCIM DELETE of a user does to their history: keep it (deprovisioned, default) or erase it. */
export const SCIM_ON_DELETE = ['keep', 'erase'] as const;
export const provisioningSettingsSchema = z
  .object({
    onDelete: z
      .enum(SCIM_ON_DELETE)
      .describe(
        'keep (default): access ends, shares, clicks and points stay in analytics and the advocate is listed as removed; ' +
          'erase: everything about the advocate is deleted',
      ),
  })
  .strict();
export type ProvisioningSettings = z.infer<typeof provisioningSettingsSchema>;

/** Groups of advocates (from SCIM, the sign-in's groups claim, or the console) and who is in them. */
export const GROUP_SOURCES = ['scim', 'idp', 'console'] as const;
export const adminGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(GROUP_SOURCES).describe('scim: provisioned by the identity provider; idp: seen in sign-ins; console'),
  members: z.array(z.object({ id: z.string(), name: z.string() })).describe('advocates in the group, by name'),
});
export type AdminGroup = z.infer<typeof adminGroupSchema>;
export const adminGroupListSchema = z.object({ items: z.array(adminGroupSchema) });
