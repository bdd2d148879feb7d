/**
 * What the popup and content scripts may ask the background, as zod schemas: the background
 * validates every message against these before acting on it.
 */
import { z } from 'zod';
import { COMPOSER_NETWORKS } from './networks';
import { networkSchema, periodSchema } from './schemas';

export const enrollMessageSchema = z
  .object({
    serverUrl: z.string().trim().min(1, 'Enter the server URL your admin gave you.').max(2048),
    code: z.string().trim().min(1, 'Enter your invite code.').max(64),
    name: z.string().trim().min(1, 'Enter your name.').max(80),
  })
  .strict();
export type EnrollMessage = z.infer<typeof enrollMessageSchema>;

export const shareMessageSchema = z.object({ contentId: z.string().min(1).max(64), network: networkSchema }).strict();
export type ShareMessage = z.infer<typeof shareMessageSchema>;

/** The networks whose composer a content script integrates with (lib/networks.ts). */
const textNetworkSchema = z.enum(COMPOSER_NETWORKS);

/** A content script asks what to offer in a LinkedIn or X composer. */
export const composerDataMessageSchema = z.object({ network: textNetworkSchema }).strict();
export type ComposerDataMessage = z.infer<typeof composerDataMessageSchema>;

/** A content script asks for its site's composer UI script to be loaded into its frame. */
export const loadComposerUiMessageSchema = z.object({ network: textNetworkSchema }).strict();
export type LoadComposerUiMessage = z.infer<typeof loadComposerUiMessageSchema>;

/**
 * A content script saw a composer holding Relay content being published. `shareId` is made by the
 * content script once per publish, so a message delivered twice records one share. The post's
 * text is never sent: only whether the person changed the suggested text.
 */
export const composerShareMessageSchema = z
  .object({
    shareId: z.uuid(),
    contentId: z.string().min(1).max(64),
    network: textNetworkSchema,
    personalized: z.boolean(),
  })
  .strict();
export type ComposerShareMessage = z.infer<typeof composerShareMessageSchema>;

/** The popup dismisses a share the server refused, once the advocate has seen why. */
export const dismissShareMessageSchema = z.object({ id: z.string().min(1).max(64) }).strict();
export type DismissShareMessage = z.infer<typeof dismissShareMessageSchema>;

export const emptyMessageSchema = z.union([z.undefined(), z.null(), z.object({}).strict()]);

/** Normalises what a person typed as the server URL: adds http(s)://, drops a trailing slash. */
export function normalizeServerUrl(input: string): string | null {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)
    ? trimmed
    : `${/^(localhost|127\.|\[::1\])/.test(trimmed) ? 'http' : 'https'}://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.search || url.hash) return null;
    return url.toString().replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** getState: `limit` asks for the newest posts only (the popup's first render). */
export const popupStateRequestSchema = z.union([
  z.undefined(),
  z.null(),
  z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict(),
]);
export type PopupStateRequest = { limit?: number } | undefined;

/** getPoints: `refresh` asks the background to fetch the server's side (ranks, clicks) first. */
export const pointsRequestSchema = z.union([
  z.undefined(),
  z.null(),
  z.object({ refresh: z.boolean().optional() }).strict(),
]);
export type PointsRequest = { refresh?: boolean } | undefined;

/** getLeaderboard: which period. */
export const leaderboardRequestSchema = z.object({ period: periodSchema }).strict();
export type LeaderboardRequest = z.infer<typeof leaderboardRequestSchema>;

/** updatePrivacy: the privacy choices to change, at least one. */
export const privacyMessageSchema = z
  .object({ clickTracking: z.boolean().optional(), leaderboard: z.boolean().optional() })
  .strict()
  .refine((patch) => patch.clickTracking !== undefined || patch.leaderboard !== undefined, {
    message: 'Choose a setting to change.',
  });
export type PrivacyMessage = z.infer<typeof privacyMessageSchema>;
