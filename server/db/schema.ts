/**
 * Table types for Kysely. Times are integer milliseconds since the epoch on both databases, JSON
 * documents are text, booleans are 0/1: the one representation SQLite and PostgreSQL share.
 */
import type { Generated } from 'kysely';

export interface CountersTable {
  name: string;
  value: number;
}

export interface AdminsTable {
  id: string;
  email: string;
  /** '' for an admin who signs in with the identity provider only. */
  password_hash: string;
  created_at: number;
  /** The identity provider's subject, once they signed in with it; unique. */
  subject: string | null;
  name: string | null;
  /** owner | editor | approver | analyst (lib/roles.ts), migration 0011. */
  role: Generated<string>;
}

export interface AdminSessionsTable {
  token_hash: string;
  admin_id: string;
  created_at: number;
  expires_at: number;
}

export interface InvitesTable {
  id: string;
  /** SHA-256 of the normalised code: the code is shown once, when the invite is made, never stored. */
  code_hash: string;
  /** The code's first group, to tell invites apart in lists. */
  hint: string;
  created_by: string | null;
  max_uses: number | null;
  uses: Generated<number>;
  expires_at: number | null;
  revoked_at: number | null;
  created_at: number;
}

export interface AdvocatesTable {
  id: string;
  name: string;
  /** Pseudonymous ref used in utm_content and for variant rotation. */
  ref: string;
  /** Unused since migration 0007 ('none:<id>'): tokens are in advocate_tokens, one per browser. */
  token_hash: string;
  /** The invite the advocate enrolled with. */
  invite_id: string | null;
  click_tracking: Generated<number>;
  leaderboard: Generated<number>;
  created_at: number;
  last_sync_at: number | null;
  /** Optional team, shown on the leaderboard and usable as its filter. */
  team: string | null;
  /** Version of the scoring rules this advocate's advocate_points rows were computed with. */
  scored_with: string | null;
  /** When the advocate's access ended, and why (ACCESS_ENDED); null while they may use Relay. */
  access_ended_at: number | null;
  access_ended: string | null;
  /** The identity provider's subject (OpenID Connect `sub`), unique; null for invite-code advocates. */
  subject: string | null;
  email: string | null;
  /** SCIM: the provisioning client's externalId and the userName it gave. */
  external_id: string | null;
  user_name: string | null;
  /** When SCIM created (or last re-activated) this advocate; null: never provisioned. */
  provisioned_at: number | null;
  /** Region (migration 0012): from SCIM, the identity provider or the console; matches `region:XX` audiences. */
  region: string | null;
  /** Content language (a BCP 47 tag), and where it came from: 'chosen', 'idp', or null (the browser's). */
  language: string | null;
  language_source: string | null;
}

/** One per browser an advocate uses: the token's hash, never the token. */
export interface AdvocateTokensTable {
  token_hash: string;
  advocate_id: string;
  /** 'invite' or 'sso'. */
  via: string;
  created_at: number;
  /** When the token was last used (written at most every hour or so); null: not since it was made. */
  used_at: number | null;
}

/** A sign-in with the identity provider under way, keyed by the hash of its `state`. */
export interface SsoLoginsTable {
  state_hash: string;
  nonce: string;
  /** The PKCE code verifier. */
  verifier: string;
  /** 'console' or 'extension'. */
  purpose: string;
  /** The extension's redirect URL, or the console path to return to. */
  return_to: string | null;
  created_at: number;
  expires_at: number;
}

/** A one-time code handed to the extension's redirect, exchanged once for an advocate token. */
export interface SsoCodesTable {
  code_hash: string;
  advocate_id: string;
  return_to: string;
  created_at: number;
  expires_at: number;
}

/** Bearer tokens for the SCIM endpoints only. */
export interface ScimTokensTable {
  id: string;
  token_hash: string;
  hint: string;
  label: string | null;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** Groups of advocates: provisioned by SCIM, seen in the identity provider's groups claim, or made in the console. */
export interface GroupsTable {
  id: string;
  display_name: string;
  external_id: string | null;
  /** 'scim', 'idp' or 'console'. */
  source: string;
  created_at: number;
  updated_at: number;
}

export interface GroupMembersTable {
  group_id: string;
  advocate_id: string;
}

/** Hashes of advocate tokens that no longer work, and why: the 401 names the reason. */
/** Identities (SHA-256 of the IdP subject) whose access the company ended: erased, or forgotten by a SCIM DELETE. */
export interface EndedIdentitiesTable {
  subject_hash: string;
  /** 'erased' or 'deprovisioned'. */
  reason: string;
  ended_at: number;
}

export interface RevokedTokensTable {
  token_hash: string;
  /** null once the advocate was erased. */
  advocate_id: string | null;
  /** 'removed', 'erased', 'signed-out' or 'expired'. */
  reason: string;
  revoked_at: number;
}

export interface ContentTable {
  id: string;
  title: string;
  url: string;
  note: string | null;
  image_url: string | null;
  campaign: string | null;
  language: string | null;
  tags: string;
  variants: string;
  networks: string;
  /** draft | pending | published | archived; "scheduled" is published with publish_at in the future. */
  status: string;
  publish_at: number | null;
  expires_at: number | null;
  /**
   * The earliest and latest moments the item was live before a write ended or moved its live time
   * (archive, re-publish, new publishAt/expiresAt): which shares of it count (lib/share-rules.ts).
   */
  live_from: number | null;
  live_until: number | null;
  /** JSON string[] (migration 0012): group ids, `region:XX`, `language:xx`; [] is everyone. */
  audiences: string;
  /** JSON {[language]: {title?, variants}} (migration 0012): the variants in other languages. */
  translations: string;
  /** The change counter's value at this row's last change: what sync cursors compare against. */
  seq: number;
  created_at: number;
  updated_at: number;
}

/** A post's latest review and last editor (migration 0013): services/approvals.ts. */
export interface ContentReviewsTable {
  content_id: string;
  /** pending | approved | rejected; null: never submitted. */
  state: string | null;
  submitted_by: string | null;
  submitted_at: number | null;
  note: string | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  comment: string | null;
  edited_by: string | null;
  edited_at: number | null;
}

/** Every review step (migration 0013): submit, approve, reject, reopen. */
export interface ContentReviewStepsTable {
  id: string;
  content_id: string;
  action: string;
  admin_id: string | null;
  comment: string | null;
  at: number;
}

/** A console notification for one admin (migration 0013). */
export interface AdminNotificationsTable {
  id: string;
  admin_id: string;
  /** submitted | approved | rejected */
  kind: string;
  content_id: string;
  actor_id: string | null;
  comment: string | null;
  created_at: number;
  read_at: number | null;
}

/** A publish past a must-fix rule (migration 0008): the latest per content item. */
export interface ContentOverridesTable {
  content_id: string;
  admin_id: string;
  reason: string;
  /** JSON: MustFixFailure[] (lib/guidelines/publish-check.ts). */
  failures: string;
  created_at: number;
}

/** One admin (or provisioning, CLI, system) action, append-only (migration 0011). */
export interface AuditLogTable {
  id: string;
  at: number;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  /** JSON. */
  change: string;
  advocate_id: string | null;
}

export interface DocumentsTable {
  name: string;
  body: string;
  seq: number;
  updated_at: number;
}

/** An uploaded image (migration 0009): its bytes and the type sniffed from them. */
export interface ImagesTable {
  id: string;
  content_type: string;
  bytes: Uint8Array;
  size: number;
  created_by: string | null;
  created_at: number;
}

/** One browser's running counts for a composer site, extension version and UTC day (migration 0010). */
export interface IntegrationHealthTable {
  browser: string;
  site: string;
  version: string;
  day: string;
  composers_seen: number;
  composers_unmatched: number;
  insertions_confirmed: number;
  insertions_failed: number;
  publishes_confirmed: number;
  publishes_unconfirmed: number;
  overrides_refused: number;
  updated_at: number;
}

export interface LinksTable {
  code: string;
  advocate_id: string;
  content_id: string;
  network: string;
  created_at: number;
}

export interface SharesTable {
  id: string;
  advocate_id: string;
  content_id: string;
  network: string;
  shared_at: number;
  personalized: number;
  received_at: number;
}

export interface ClickSaltsTable {
  /** UTC day (days since the epoch) the salt hashes visitors of. */
  day: number;
  salt: string;
  created_at: number;
}

export interface ClicksTable {
  code: string;
  /** HMAC of the visitor's address and user agent under the day's salt: no raw address is stored. */
  visitor: string;
  /** Hours since the epoch: a visitor counts once per link per hour. */
  hour: number;
  clicked_at: number;
}

export interface ClickCountsTable {
  code: string;
  hour: number;
  clicks: number;
}

export interface AdvocatePointsTable {
  advocate_id: string;
  /** 'all', a UTC month '2026-02' or an ISO week '2026-W05'. */
  bucket: string;
  points: number;
  /** Copied from advocates.leaderboard: 0 leaves the advocate off the leaderboard. */
  listed: number;
  team: string | null;
}

/** Listed advocates per bucket, board ('' everyone, 't:' + team) and points (migration 0015, kept by triggers). */
export interface AdvocateRankCountsTable {
  bucket: string;
  board: string;
  points: number;
  advocates: number;
}

/** Advocates whose point rows changed while a full re-score was building its table (migration 0016). */
export interface PointsRebuildDirtyTable {
  advocate_id: string;
}

export interface Database {
  counters: CountersTable;
  admins: AdminsTable;
  audit_log: AuditLogTable;
  admin_sessions: AdminSessionsTable;
  invites: InvitesTable;
  advocates: AdvocatesTable;
  content: ContentTable;
  content_overrides: ContentOverridesTable;
  content_reviews: ContentReviewsTable;
  content_review_steps: ContentReviewStepsTable;
  admin_notifications: AdminNotificationsTable;
  documents: DocumentsTable;
  links: LinksTable;
  shares: SharesTable;
  click_salts: ClickSaltsTable;
  clicks: ClicksTable;
  click_counts: ClickCountsTable;
  advocate_points: AdvocatePointsTable;
  advocate_rank_counts: AdvocateRankCountsTable;
  points_rebuild_dirty: PointsRebuildDirtyTable;
  revoked_tokens: RevokedTokensTable;
  advocate_tokens: AdvocateTokensTable;
  sso_logins: SsoLoginsTable;
  sso_codes: SsoCodesTable;
  scim_tokens: ScimTokensTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  ended_identities: EndedIdentitiesTable;
  images: ImagesTable;
  integration_health: IntegrationHealthTable;
}
