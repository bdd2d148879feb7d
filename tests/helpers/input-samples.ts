/**
 * A valid sample of every body and query the API takes, holding every string field its schema
 * declares (uncoveredPaths checks that), for the control-character tests of the schemas and of the
 * API on both databases.
 */
import type { z } from 'zod';
import { perTextNetwork } from '../../lib/networks';
import { analyticsQuerySchema, contentListQuerySchema, linkPreviewRequestSchema } from '../../lib/console-schemas';
import {
  adminSessionRequestSchema,
  contentInputSchema,
  contentPatchSchema,
  publishBodySchema,
  DEFAULT_SCORING,
  enrollRequestSchema,
  guidelinesSchema,
  leaderboardQuerySchema,
  mePatchSchema,
  scoringRulesSchema,
  sharesRequestSchema,
} from '../../lib/schemas';

export interface InputSample {
  name: string;
  schema: z.ZodType;
  sample: unknown;
  /** Where it is sent (method and path), for the API tests; absent for queries. */
  route?: { method: 'POST' | 'PUT' | 'PATCH'; path: string; auth: 'admin' | 'advocate' | 'none' };
}

/** Text that may run over several lines: a tab or line feed is allowed there, and only there. */
export function isMultiline(path: string): boolean {
  return path === 'note' || path === 'comment' || path.startsWith('variants.');
}

/** Fields not checked for control characters, and why. */
export const UNCHECKED: Record<string, string> = {
  // Never stored or compared as text: only its scrypt hash is. Refusing characters in it could
  // lock out an admin whose password (set through the CLI) has one.
  'admin session.password': 'a password is hashed, never stored',
};

export interface SampleIds {
  contentId: string;
  inviteCode: string;
  shareId: string;
  /** The server's clock now (ms). */
  now: number;
}

const contentBody = (now: number) => ({
  title: 'Relay launches today',
  url: 'https://example.com/launch?ref=blog',
  note: 'Please share before Friday.',
  imageUrl: 'https://example.com/launch.png',
  campaign: 'launch-2026',
  language: 'en-GB',
  tags: ['launch', 'product'],
  // Every text network's variants (lib/networks.ts), so every string field is in the sample.
  variants: {
    ...perTextNetwork((id) => [`Relay is live on ${id}: {link}`]),
    linkedin: ['We launched Relay today: {link}'],
    x: ['Relay is live {link}'],
  },
  networks: ['linkedin', 'x', 'facebook'],
  audiences: ['region:DE', 'language:de'],
  publishAt: new Date(now - 60_000).toISOString(),
  expiresAt: new Date(now + 30 * 86_400_000).toISOString(),
});

export function inputSamples(ids: SampleIds): InputSample[] {
  const iso = new Date(ids.now).toISOString();
  return [
    {
      name: 'enrolment',
      schema: enrollRequestSchema,
      sample: { code: ids.inviteCode, name: 'Ada Lovelace' },
      route: { method: 'POST', path: '/v1/enroll', auth: 'none' },
    },
    {
      name: 'me',
      schema: mePatchSchema,
      sample: { clickTracking: true, leaderboard: true, team: 'Sales', language: 'de-AT' },
      route: { method: 'PATCH', path: '/v1/me', auth: 'advocate' },
    },
    {
      name: 'shares',
      schema: sharesRequestSchema,
      sample: {
        events: [{ id: ids.shareId, contentId: ids.contentId, network: 'linkedin', sharedAt: iso, personalized: true }],
        sentAt: iso,
      },
      route: { method: 'POST', path: '/v1/shares', auth: 'advocate' },
    },
    {
      name: 'content',
      schema: contentInputSchema,
      sample: { ...contentBody(ids.now), publish: true, overrideReason: 'Legal approved the wording' },
      route: { method: 'POST', path: '/v1/admin/content', auth: 'admin' },
    },
    {
      name: 'content change',
      schema: contentPatchSchema,
      sample: { ...contentBody(ids.now), overrideReason: 'Legal approved the wording' },
      route: { method: 'PATCH', path: `/v1/admin/content/${ids.contentId}`, auth: 'admin' },
    },
    {
      name: 'publish',
      schema: publishBodySchema,
      sample: { overrideReason: 'Legal approved the wording', comment: 'Approved for the launch' },
      route: { method: 'POST', path: `/v1/admin/content/${ids.contentId}/publish`, auth: 'admin' },
    },
    {
      name: 'guidelines',
      schema: guidelinesSchema,
      sample: {
        disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
        bannedTerms: [{ pattern: 'guaranteed returns?', regex: true, reason: 'No promises about money' }],
        maxHashtags: 3,
        dailyShareCap: 5,
        companyNames: ['Acme', 'Acme Robotics'],
      },
      route: { method: 'PUT', path: '/v1/admin/guidelines', auth: 'admin' },
    },
    {
      name: 'scoring',
      schema: scoringRulesSchema,
      sample: structuredClone(DEFAULT_SCORING),
      route: { method: 'PUT', path: '/v1/admin/scoring', auth: 'admin' },
    },
    {
      name: 'admin session',
      schema: adminSessionRequestSchema,
      sample: { email: 'someone@example.com', password: 'not the password' },
      route: { method: 'POST', path: '/v1/admin/session', auth: 'none' },
    },
    {
      name: 'link preview',
      schema: linkPreviewRequestSchema,
      sample: { url: 'https://example.com/page' },
      route: { method: 'POST', path: '/v1/admin/link-preview', auth: 'admin' },
    },
    { name: 'leaderboard query', schema: leaderboardQuerySchema, sample: { period: 'week', team: 'Sales' } },
    { name: 'content list query', schema: contentListQuerySchema, sample: { status: 'draft', q: 'launch' } },
    {
      name: 'analytics query',
      schema: analyticsQuerySchema,
      sample: { from: '2026-01-01', to: '2026-01-31', audience: 'region:DE', compare: 'language:de,region:FR' },
    },
  ];
}
