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
  password_hash: string;
  created_at: number;
}

export interface AdminSessionsTable {
  token_hash: string;
  admin_id: string;
  created_at: number;
  expires_at: number;
}

export interface InvitesTable {
  code: string;
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
  token_hash: string;
  invite_code: string | null;
  click_tracking: Generated<number>;
  leaderboard: Generated<number>;
  created_at: number;
  last_sync_at: number | null;
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
  /** draft | published | archived; "scheduled" is published with publish_at in the future. */
  status: string;
  publish_at: number | null;
  expires_at: number | null;
  /** The change counter's value at this row's last change: what sync cursors compare against. */
  seq: number;
  created_at: number;
  updated_at: number;
}

export interface DocumentsTable {
  name: string;
  body: string;
  seq: number;
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

export interface Database {
  counters: CountersTable;
  admins: AdminsTable;
  admin_sessions: AdminSessionsTable;
  invites: InvitesTable;
  advocates: AdvocatesTable;
  content: ContentTable;
  documents: DocumentsTable;
  links: LinksTable;
  shares: SharesTable;
}
