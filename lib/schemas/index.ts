/**
 * The shapes every part of Relay agrees on, by area: what admins send, what the server stores and
 * returns, and what advocates receive. The server validates with these, and /openapi.json is
 * generated from them.
 */
export * from './common';
export * from './content';
export * from './guidelines';
export * from './scoring';
export * from './shares';
export * from './sync';
export * from './access';
export * from './me';
export * from './leaderboard';
export * from './sso';
export * from './organization';
export * from './selectors';
export * from './health';
export * from './approvals';
export * from './approvals-queue';
