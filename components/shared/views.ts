/** What the background answers the popup and the composers: the shapes both sides see. */
import type { PointsSummary, Score, WeekPoints } from '../../lib/scoring';
import type { AdvocateItem, Guidelines, LeaderboardResponse, MeResponse, Network, Period } from '../../lib/schemas';

export interface SyncStatus {
  lastSyncAt?: string;
  lastAttemptAt?: string;
  /** null when the last sync worked. */
  error: null | {
    /** `client-too-old`: the server needs a newer extension (426); the saved posts stay. */
    kind: 'offline' | 'server' | 'invalid-payload' | 'signed-out' | 'client-too-old';
    message: string;
    /** The extension's version the server refused (client-too-old): once updated, it syncs again. */
    clientVersion?: string;
  };
}

/**
 * Why this browser's access to Relay ended, for the setup screen: the token was revoked (an admin
 * removed the advocate, or it was signed out elsewhere), expired from disuse, or is unknown to the
 * server. Kept after the advocate's data is cleared, until the next enrolment.
 */
export interface AccessEnded {
  /** `deprovisioned`: the company's identity provider ended it (SCIM), not a Relay admin. */
  reason: 'revoked' | 'deprovisioned' | 'expired' | 'unknown';
  /** A short headline and the full explanation, as the popup shows them. */
  title: string;
  message: string;
  /** ISO time it was noticed. */
  at: string;
  /** The server it was enrolled with: the setup form offers it again. */
  serverUrl: string;
  /** How that enrolment was made (absent: an invite, before work accounts). */
  via?: 'invite' | 'sso';
}

/** How people may sign in, as the organisation's policy says (storage.managed `signIn`, default `both`). */
export type SignInMode = 'sso' | 'invite' | 'both';

/** What the setup screen offers. */
export interface SetupView {
  /** The server to connect to: the organisation's (locked), else the last one used. */
  serverUrl: string;
  locked: boolean;
  /** The organisation's sign-in mode. */
  signIn: SignInMode;
  /**
   * Zero-touch: the organisation set the server by policy and work-account sign-in applies, so the
   * popup tries a silent sign-in when it opens (the background checks again, and may decline).
   */
  silentSignIn: boolean;
}

/** GET /v1/sign-in-options of a server, as the setup screen uses it; null: not known (unreachable, or an older server). */
export interface SignInOptionsView {
  sso: boolean | null;
  invites: boolean | null;
  /** The organisation's name and logo URL ("" / null: not set); null: not known. The popup shows the logo only through safeHttpUrl. */
  organization?: { name: string; logoUrl: string | null } | null;
}

/** Why a work-account sign-in did not end enrolled, in words for the setup screen. */
export type WorkSignInFailureKind =
  | 'cancelled'
  | 'login-required'
  | 'access-removed'
  | 'access-denied'
  | 'sso-off'
  | 'unreachable'
  | 'code-invalid'
  | 'invalid'
  | 'server';

export type WorkSignInResult = { ok: true } | { ok: false; kind: WorkSignInFailureKind; message: string };

export interface PopupItem extends Omit<AdvocateItem, 'variants' | 'links'> {
  /** This advocate's suggested text per network, link included (Facebook: the link alone). */
  suggestions: Partial<Record<Network, string>>;
  /** The latest share of it from this browser, null when not shared yet. */
  lastShare: LastShare | null;
}

export interface PopupState {
  setup: SetupView;
  enrollment: { serverUrl: string; advocate: { id: string; name: string }; via?: 'invite' | 'sso' } | null;
  status: SyncStatus;
  /** Newest first; only the newest ones when getState was asked for a limit. */
  content: PopupItem[];
  /** How many posts there are in all. */
  total: number;
  unseen: string[];
  points: PointsSummary | null;
  pendingShares: number;
  /** Shares the server refused for good, newest first, until the advocate dismisses them. */
  refusedShares: RefusedShare[];
  /** Why this browser's access ended (set while not enrolled, after a revoked or expired token). */
  accessEnded: AccessEnded | null;
}

/** A share the server will never count, and its reason, as the popup shows it. */
export interface RefusedShare {
  id: string;
  contentId: string;
  /** The post's title, when it is still in this browser. */
  title: string | null;
  network: Network;
  sharedAt: string;
  /** What the server said, e.g. "contentId is not known content". */
  reason: string;
}

export type EnrollResult =
  { ok: true } | { ok: false; kind: 'invalid' | 'unreachable' | 'bad-code' | 'expired' | 'server'; message: string };

/**
 * `shareId` is set when the click itself was logged (Facebook). LinkedIn and X shares are logged by
 * the composer content script when the post is published.
 */
export type ShareResult =
  { ok: true; url: string; shareId?: string; points?: SharePoints | null } | { ok: false; message: string };

/**
 * What a share earns under the synced rules (lib/scoring): `why` says why it is 0 (points off, a
 * network that earns nothing, already counted, today's cap reached).
 */
export interface SharePoints {
  points: number;
  why: 'earned' | 'off' | 'network-off' | 'already' | 'cap';
}

/** This browser's latest share of a post (the local log: known offline too). */
export interface LastShare {
  network: Network;
  /** ISO time. */
  sharedAt: string;
}

/** A post offered in a site's composer: this advocate's suggested text for that network, link included. */
export interface ComposerItem {
  id: string;
  title: string;
  tags: string[];
  text: string;
  link: string;
  /** Which of the network's text variants `text` is (1-based), or null when the post has none for it (title and link). */
  variant: { number: number; of: number } | null;
}

/** What a composer content script needs; all empty when the advocate is not enrolled. */
export interface ComposerData {
  enrolled: boolean;
  /** Live content for the network, newest first. */
  items: ComposerItem[];
  guidelines: Guidelines;
  /** Shares in the local log since local midnight (every source and network). */
  sharesToday: number;
  /** This advocate's links of those items (every network's): a composer holding one holds Relay content. */
  relayLinks: { contentId: string; link: string }[];
}

/** Whether a composer has anything to show (composerData's counts, without the texts). */
export interface ComposerBrief {
  enrolled: boolean;
  /** Live posts for the network. */
  items: number;
  /** The guidelines name companies: the person's own posts get checked too. */
  checksOwnPosts: boolean;
  /** The admin's selector overrides for this site (key → CSS selector), applied before composers are looked for. */
  selectorOverrides?: Record<string, string>;
  /**
   * The "Suggested posts" button's words in the browser's language, when there are posts to
   * suggest: from the background, whose catalog is loaded, so the page's script draws its stand-in
   * without asking the browser for the extension's whole catalog (about 4 ms of the page's main
   * thread on first use).
   */
  labels?: StandInLabels;
}

/** The stand-in "Suggested posts" button's name and tooltip. */
export interface StandInLabels {
  suggested: string;
  toggleTitle: string;
}

export type ComposerShareResult = { ok: true; shareId: string } | { ok: false; message: string };

export type LoadComposerUiResult = { ok: true } | { ok: false; message: string };

/** The Points tab: scored locally (offline first), ranks and settings as the server last said. */
export interface PointsView {
  enrolled: boolean;
  /** null until the first sync brought the scoring rules. */
  score: Score | null;
  /** Points per ISO week, the last 12, oldest first. */
  weeks: WeekPoints[];
  /** Points and rank per period, from the server; null before its first answer. */
  standing: MeResponse['periods'] | null;
  settings: MeResponse['settings'] | null;
  /** When the server's side was fetched (ISO). */
  fetchedAt: string | null;
  /** Why the last refresh failed (what is shown is the last answer). */
  error: string | null;
  /** Shares waiting to reach the server: counted here, not yet in the ranks. */
  pendingShares: number;
  /** What a share earns under the synced rules (the empty state says how to earn the first points); null before the first sync. */
  earning?: {
    pointsPerShare: Partial<Record<Network, number>>;
    earlyBonus: number;
    earlyHours: number;
    personalizedBonus: number;
  } | null;
}

export interface LeaderboardView {
  period: Period;
  board: LeaderboardResponse | null;
  fetchedAt: string | null;
  error: string | null;
}

/**
 * `offline`: the server could not be reached; the popup says so in its own words (a just-started
 * service worker's i18n may not have its catalog yet, so the background's text can't be trusted).
 */
export type PrivacyResult = { ok: true; view: PointsView } | { ok: false; message: string; offline?: true };
