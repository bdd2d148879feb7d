/**
 * What the popup needs from the background: the typed messages, plus a way to hear that the state
 * changed. The extension implements it in entrypoints/popup/client.ts; anything else (a fake) can.
 */
import type { ContentLanguageResult } from '../shared/content-language-view';
import type { Network, Period } from '../../lib/schemas';
import type {
  EnrollResult,
  LeaderboardView,
  SignInOptionsView,
  WorkSignInResult,
  PointsView,
  PopupState,
  PrivacyResult,
  ShareResult,
} from '../shared/messaging';

export interface EnrollInput {
  serverUrl: string;
  code: string;
  name: string;
}

export interface PopupClient {
  /** With `limit`, only the newest posts (for a fast first render); `total` says how many there are. */
  getState(limit?: number): Promise<PopupState>;
  enroll(input: EnrollInput): Promise<EnrollResult>;
  /**
   * "Sign in with your work account" (`serverUrl`: what the person typed, when nothing is locked);
   * `silent`: zero-touch's try as the popup opens, null when it does not apply.
   */
  signInWorkAccount(input: { serverUrl?: string; silent?: boolean }): Promise<WorkSignInResult | null>;
  /** Which ways in a server offers (null fields: not known). */
  signInOptions(serverUrl: string): Promise<SignInOptionsView>;
  signOut(): Promise<void>;
  syncNow(): Promise<PopupState>;
  share(contentId: string, network: Network): Promise<ShareResult>;
  /** Forgets a share the server refused, once the advocate has seen why. */
  dismissRefusedShare(id: string): Promise<{ ok: boolean }>;
  markSeen(): Promise<void>;
  /** The Points tab; `refresh` first asks the server for ranks, clicks and settings. */
  getPoints(refresh?: boolean): Promise<PointsView>;
  getLeaderboard(period: Period): Promise<LeaderboardView>;
  updatePrivacy(change: { clickTracking?: boolean; leaderboard?: boolean }): Promise<PrivacyResult>;
  /** The language posts come in: without a change, what it is and which there are; a tag or null (automatic) chooses. */
  contentLanguage?(change?: { language: string | null }): Promise<ContentLanguageResult>;
  /** Calls `onChange` whenever the background says the state moved; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
  /** Where the popup keeps its first screen between openings (components/popupSnapshot.ts). */
  snapshot?: SnapshotStore;
}

/** A place for one string, read synchronously when the popup opens. Never throws. */
export interface SnapshotStore {
  read(): string | null;
  /** null forgets what was kept. */
  write(value: string | null): void;
}
