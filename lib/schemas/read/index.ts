/**
 * Read schemas: what the extension accepts from the server (sync, the stream, /v1/me, the
 * leaderboard, enrolment, work-account sign-in). A newer server may add fields, networks, guideline rules and badge
 * kinds: those are left out and the rest is kept. What the server accepts (lib/schemas) stays strict.
 */
export { readAdvocateItemSchema, readLinksSchema, readVariantsSchema } from './content';
export { readEnrollResponseSchema } from './enroll';
export { readGuidelinesSchema } from './guidelines';
export { readLeaderboardResponseSchema } from './leaderboard';
export { readMeResponseSchema } from './me';
export { isBadgeMetric, readBadgesSchema, readScoringRulesSchema } from './scoring';
export { readSignInOptionsSchema, readSsoExchangeResponseSchema } from './sso';
export { inlineSyncOf, readStreamMessage, type InlineSync, type StreamMessage } from './stream';
export { readSyncResponseSchema } from './sync';
export { everyNetwork, knownItems, knownMembers, knownNetworksSchema, networkRecord } from './tolerant';
