/**
 * The popup's first screen, kept between openings so the next popup draws the newest posts at
 * once, before the background (maybe a stopped service worker that must start first) answers; the
 * background's answer replaces it a moment later. Only what the first screen shows is kept: the
 * newest FIRST_PAGE posts, the points summary and the sync status, never the "New" marks (they
 * come from the background alone). Nothing is kept when signed out.
 *
 * What is read back is checked field by field: a snapshot from another version, or damaged, is
 * dropped rather than drawn.
 */
import type { Level, PointsSummary } from '../../lib/scoring';
import type { SignInMode, SyncStatus } from '../shared/views';
import { isNetwork as isKnownNetwork } from '../../lib/networks';
import type { PopupItem, PopupState, RefusedShare } from '../shared/messaging';
import { FIRST_PAGE } from './PostList';

/** Bump when PopupState changes shape, so an older snapshot is dropped, not misread. */
export const SNAPSHOT_VERSION = 4;

interface Snapshot {
  version: number;
  state: PopupState;
}

/** The snapshot to keep for `state`, or null when there is nothing to keep (signed out). */
export function snapshotOf(state: PopupState): string | null {
  if (!state.enrollment) return null;
  const kept: PopupState = { ...state, content: state.content.slice(0, FIRST_PAGE), unseen: [] };
  return JSON.stringify({ version: SNAPSHOT_VERSION, state: kept } satisfies Snapshot);
}

/** The state a kept snapshot holds, or null when it is missing, from another version or damaged. */
export function stateFromSnapshot(raw: string | null): PopupState | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.version !== SNAPSHOT_VERSION) return null;
  return isPopupState(parsed.state) ? parsed.state : null;
}

type Check<T> = (value: unknown) => value is T;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const orNull =
  <T>(check: Check<T>): Check<T | null> =>
  (value): value is T | null =>
    value === null || check(value);
const arrayOf =
  <T>(check: Check<T>): Check<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.every(check);
const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value): value is T | undefined =>
    value === undefined || check(value);

function shape<T>(fields: Record<string, Check<unknown>>): Check<T> {
  return (value): value is T => isRecord(value) && Object.entries(fields).every(([key, check]) => check(value[key]));
}

const isNetwork = (value: unknown): value is string => isKnownNetwork(value);
const isSuggestions: Check<PopupItem['suggestions']> = (value): value is PopupItem['suggestions'] =>
  isRecord(value) && Object.entries(value).every(([network, text]) => isKnownNetwork(network) && isString(text));

const isItem = shape<PopupItem>({
  id: isString,
  title: isString,
  url: isString,
  note: orNull(isString),
  imageUrl: orNull(isString),
  campaign: orNull(isString),
  language: orNull(isString),
  tags: arrayOf(isString),
  networks: arrayOf(isNetwork),
  publishAt: orNull(isString),
  expiresAt: orNull(isString),
  createdAt: isString,
  updatedAt: isString,
  suggestions: isSuggestions,
  lastShare: orNull(shape({ network: isNetwork, sharedAt: isString })),
});

const SYNC_ERRORS = new Set(['offline', 'server', 'invalid-payload', 'signed-out', 'client-too-old']);
const isSyncError = (value: unknown): value is string => isString(value) && SYNC_ERRORS.has(value);
const isStatus = shape<SyncStatus>({
  lastSyncAt: optional(isString),
  lastAttemptAt: optional(isString),
  error: orNull(shape({ kind: isSyncError, message: isString, clientVersion: optional(isString) })),
});

const isLevel = shape<Level>({
  name: isString,
  minPoints: isNumber,
  next: orNull(shape({ name: isString, minPoints: isNumber })),
});

const SIGN_IN_MODES = new Set(['sso', 'invite', 'both']);
const isSignInMode = (value: unknown): value is SignInMode => isString(value) && SIGN_IN_MODES.has(value);

const isRefusedShare = shape<RefusedShare>({
  id: isString,
  contentId: isString,
  title: orNull(isString),
  network: isNetwork,
  sharedAt: isString,
  reason: isString,
});

const isPopupState = shape<PopupState>({
  setup: shape({ serverUrl: isString, locked: isBoolean, signIn: isSignInMode, silentSignIn: isBoolean }),
  enrollment: shape({ serverUrl: isString, advocate: shape({ id: isString, name: isString }) }),
  status: isStatus,
  content: arrayOf(isItem),
  total: isNumber,
  unseen: arrayOf(isString),
  points: orNull(shape<PointsSummary>({ points: isNumber, shares: isNumber, level: isLevel })),
  pendingShares: isNumber,
  refusedShares: arrayOf(isRefusedShare),
  // Only kept while enrolled, when access has not ended.
  accessEnded: (value: unknown): value is null => value === null,
});
