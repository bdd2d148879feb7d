/**
 * Data for testing each migration on a database that holds data: per migration, representative
 * rows written right after it (into the tables as it leaves them), and what it does to rows already
 * there. tests/server/migrations-data.test.ts fills a database migrated up to the one before each
 * migration, migrates to the latest and expects every row, transformed. A migration without an
 * entry here fails that test: every new migration brings its seeder and its transform.
 */
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { hashInviteCode, inviteHint } from '../../server/crypto';

export type Row = Record<string, unknown>;
/** Every table's rows, by table name. */
export type Snapshot = Record<string, Row[]>;

export interface MigrationData {
  /** Writes representative rows right after this migration ran (nulls, Unicode, large times). */
  seed(db: Kysely<unknown>): Promise<void>;
  /**
   * The rows expected after this migration, from those before it (every table's rows). Tables it
   * creates are expected empty unless this adds them; return `before` when it changes no row.
   */
  transform(before: Snapshot): Snapshot;
}

export const DATA_FILE = 'tests/helpers/migration-data.ts';

/** Inserts rows into a table that the typed schema may not know yet (or any more). */
export async function insert(db: Kysely<unknown>, table: string, rows: Row[]): Promise<void> {
  for (const row of rows)
    await db
      .insertInto(table as never)
      .values(row as never)
      .execute();
}

// Times are milliseconds; one far in the future checks the bigint columns hold more than 32 bits.
const T = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const FAR = 4_102_444_800_000; // 2100-01-01

export const MIGRATION_DATA: Record<string, MigrationData> = {
  '0001_initial': {
    async seed(db) {
      await db
        .updateTable('counters' as never)
        .set({ value: 42 } as never)
        .execute();
      await insert(db, 'admins', [
        { id: 'adm1', email: 'ops@example.com', password_hash: 'scrypt$16384$8$1$c2FsdA$a2V5', created_at: T },
        { id: 'adm2', email: 'zoë@example.com', password_hash: 'scrypt$16384$8$1$c2FsdDI$a2V5Mg', created_at: T + 1 },
      ]);
      await insert(db, 'admin_sessions', [
        { token_hash: 'a'.repeat(64), admin_id: 'adm1', created_at: T, expires_at: T + 43_200_000 },
      ]);
      await insert(db, 'invites', [
        {
          code: 'INVITE-OPEN',
          created_by: 'adm1',
          max_uses: null,
          uses: 3,
          expires_at: null,
          revoked_at: null,
          created_at: T,
        },
        {
          code: 'INVITE-USED',
          created_by: null,
          max_uses: 1,
          uses: 1,
          expires_at: FAR,
          revoked_at: T + 5,
          created_at: T,
        },
      ]);
      await insert(db, 'advocates', [
        {
          id: 'adv1',
          name: 'Ada Lovelace',
          ref: 'ref1',
          token_hash: 'b'.repeat(64),
          invite_code: 'INVITE-OPEN',
          click_tracking: 1,
          leaderboard: 1,
          created_at: T,
          last_sync_at: T + 60_000,
        },
        {
          id: 'adv2',
          name: 'Zoë 山田',
          ref: 'ref2',
          token_hash: 'c'.repeat(64),
          invite_code: null,
          click_tracking: 0,
          leaderboard: 0,
          created_at: T + 1,
          last_sync_at: null,
        },
      ]);
      const variants = JSON.stringify({ linkedin: ['We launched — read more 🚀'], x: ['Live now!'] });
      await insert(db, 'content', [
        {
          id: 'c1',
          title: 'Relay launches “today”',
          url: 'https://example.com/launch?ref=blog#top',
          note: 'Line one\nline two',
          image_url: 'https://example.com/i.png',
          campaign: 'Launch 2026',
          language: 'en-GB',
          tags: JSON.stringify(['launch', 'product']),
          variants,
          networks: JSON.stringify(['linkedin', 'x']),
          status: 'published',
          publish_at: T,
          expires_at: FAR,
          seq: 41,
          created_at: T,
          updated_at: T + 2,
        },
        {
          id: 'c2',
          title: 'Draft',
          url: 'http://example.org/',
          note: null,
          image_url: null,
          campaign: null,
          language: null,
          tags: '[]',
          variants: JSON.stringify({ linkedin: ['Draft text'] }),
          networks: JSON.stringify(['linkedin']),
          status: 'draft',
          publish_at: null,
          expires_at: null,
          seq: 42,
          created_at: T,
          updated_at: T,
        },
      ]);
      await insert(db, 'documents', [
        { name: 'guidelines', body: JSON.stringify({ bannedTerms: ['guaranteed'] }), seq: 40, updated_at: T },
      ]);
      await insert(db, 'links', [
        { code: 'LNK0000001', advocate_id: 'adv1', content_id: 'c1', network: 'linkedin', created_at: T },
        { code: 'LNK0000002', advocate_id: 'adv2', content_id: 'c1', network: 'x', created_at: T },
      ]);
      await insert(db, 'shares', [
        {
          id: '0b7c6f2e-1d2a-4c3b-9e8f-000000000001',
          advocate_id: 'adv1',
          content_id: 'c1',
          network: 'linkedin',
          shared_at: T + 1000,
          personalized: 1,
          received_at: T + 2000,
        },
        {
          id: '0b7c6f2e-1d2a-4c3b-9e8f-000000000002',
          advocate_id: 'adv2',
          content_id: 'gone',
          network: 'x',
          shared_at: T + 3000,
          personalized: 0,
          received_at: T + 3000,
        },
      ]);
    },
    transform: (before) => before,
  },

  '0002_content_window_indexes': {
    async seed(db) {
      await insert(db, 'content', [
        {
          id: 'c3',
          title: 'Scheduled',
          url: 'https://example.com/later',
          note: null,
          image_url: null,
          campaign: null,
          language: 'fr',
          tags: '["later"]',
          variants: JSON.stringify({ x: ['Bientôt'] }),
          networks: JSON.stringify(['x']),
          status: 'published',
          publish_at: FAR - 1,
          expires_at: null,
          seq: 43,
          created_at: T + 10,
          updated_at: T + 10,
        },
      ]);
    },
    // Indexes only.
    transform: (before) => before,
  },

  '0003_clicks_points': {
    async seed(db) {
      await db
        .updateTable('advocates' as never)
        .set({ team: 'Sales', scored_with: 'v1' } as never)
        .where('id' as never, '=', 'adv1' as never)
        .execute();
      await insert(db, 'click_salts', [{ day: 20454, salt: 'd'.repeat(64), created_at: T }]);
      await insert(db, 'clicks', [
        { code: 'LNK0000001', visitor: 'e'.repeat(32), hour: 490896, clicked_at: T + 100 },
        { code: 'LNK0000001', visitor: 'f'.repeat(32), hour: 490896, clicked_at: T + 200 },
      ]);
      await insert(db, 'click_counts', [{ code: 'LNK0000001', hour: 490896, clicks: 2 }]);
      await insert(db, 'advocate_points', [
        { advocate_id: 'adv1', bucket: 'all', points: 17, listed: 1, team: 'Sales' },
        { advocate_id: 'adv1', bucket: '2026-W01', points: 17, listed: 1, team: 'Sales' },
        { advocate_id: 'adv2', bucket: 'all', points: 0, listed: 0, team: null },
      ]);
    },
    // Advocates gain an empty team and scoring version; the new tables start empty.
    transform: (before) => ({
      ...before,
      advocates: before.advocates!.map((row) => ({ ...row, team: null, scored_with: null })),
    }),
  },
  '0004_invite_code_hashes': {
    async seed(db) {
      await insert(db, 'invites', [
        {
          id: 'invNEW',
          code_hash: hashInviteCode('NEWC-ODE1'),
          hint: 'NEWC',
          created_by: 'adm2',
          max_uses: 50,
          uses: 0,
          expires_at: T + 30 * 86_400_000,
          revoked_at: null,
          created_at: T + 20,
        },
      ]);
      await insert(db, 'advocates', [
        {
          id: 'adv3',
          name: 'Grace Hopper',
          ref: 'ref3',
          token_hash: 'g'.repeat(64),
          invite_id: 'invNEW',
          click_tracking: 1,
          leaderboard: 1,
          created_at: T + 20,
          last_sync_at: null,
          team: null,
          scored_with: null,
        },
      ]);
      // Archived after it was live (before 0005 recorded live times): 0005 infers them.
      await insert(db, 'content', [
        {
          id: 'c4',
          title: 'Archived',
          url: 'https://example.com/old',
          note: null,
          image_url: null,
          campaign: null,
          language: null,
          tags: '[]',
          variants: JSON.stringify({ linkedin: ['Old news'] }),
          networks: JSON.stringify(['linkedin']),
          status: 'archived',
          publish_at: T + 30,
          expires_at: null,
          seq: 44,
          created_at: T + 30,
          updated_at: T + 90_000,
        },
      ]);
    },
    // Each invite's code becomes its hash and hint under an id taken from the hash; advocates
    // name their invite by that id.
    transform: (before) => {
      const idOf = (code: string) => `inv${hashInviteCode(code).slice(0, 11)}`;
      return {
        ...before,
        invites: before.invites!.map(({ code, ...row }) => ({
          id: idOf(code as string),
          code_hash: hashInviteCode(code as string),
          hint: inviteHint(code as string),
          ...row,
        })),
        advocates: before.advocates!.map(({ invite_code, ...row }) => ({
          ...row,
          invite_id: invite_code === null ? null : idOf(invite_code as string),
        })),
      };
    },
  },

  '0005_shares_checked': {
    async seed(db) {
      await insert(db, 'content', [
        {
          id: 'c5',
          title: 'Live, then archived',
          url: 'https://example.com/was-live',
          note: null,
          image_url: null,
          campaign: null,
          language: null,
          tags: '[]',
          variants: JSON.stringify({ x: ['Was live'] }),
          networks: JSON.stringify(['x']),
          status: 'archived',
          publish_at: T + 40,
          expires_at: null,
          live_from: T + 40,
          live_until: T + 50_000,
          seq: 45,
          created_at: T + 40,
          updated_at: T + 60_000,
        },
      ]);
    },
    // Content gains its live times: inferred for what was archived after being published.
    transform: (before) => ({
      ...before,
      content: before.content!.map((row) => {
        const archived =
          row.status === 'archived' && row.publish_at !== null && Number(row.publish_at) <= Number(row.updated_at);
        return {
          ...row,
          live_from: archived ? row.publish_at : null,
          live_until: archived ? row.updated_at : null,
        };
      }),
    }),
  },
  '0006_token_revocation': {
    async seed(db) {
      await db
        .updateTable('advocates' as never)
        .set({ token_hash: 'revoked:r4nd0m', access_ended: 'removed', access_ended_at: T + 70 } as never)
        .where('id' as never, '=', 'adv3' as never)
        .execute();
      await insert(db, 'revoked_tokens', [
        { token_hash: 'h'.repeat(64), advocate_id: 'adv3', reason: 'removed', revoked_at: T + 70 },
        { token_hash: 'i'.repeat(64), advocate_id: null, reason: 'removed', revoked_at: T + 80 },
      ]);
    },
    // Advocates get a last use of "now" (so none expires at the upgrade) and no ended access.
    transform: (before) => ({
      ...before,
      advocates: before.advocates!.map((row) => ({
        ...row,
        token_used_at: expect.any(Number),
        access_ended_at: null,
        access_ended: null,
      })),
    }),
  },
  '0007_work_accounts': {
    async seed(db) {
      // Ada signs in on a second browser with her work account; Zoë's access ends by SCIM.
      await db
        .updateTable('advocates' as never)
        .set({ subject: 'idp|ada', email: 'ada@example.com' } as never)
        .where('id' as never, '=', 'adv1' as never)
        .execute();
      await db
        .updateTable('admins' as never)
        .set({ subject: 'idp|zoë', name: 'Zoë Ops' } as never)
        .where('id' as never, '=', 'adm2' as never)
        .execute();
      await insert(db, 'advocates', [
        {
          id: 'adv4',
          name: 'Katherine Johnson',
          ref: 'ref4',
          token_hash: 'none:adv4',
          invite_id: null,
          click_tracking: 1,
          leaderboard: 1,
          created_at: T + 100,
          last_sync_at: FAR,
          team: 'Engineering',
          scored_with: null,
          access_ended_at: null,
          access_ended: null,
          subject: '00u1abcd',
          email: 'kj@example.com',
          external_id: 'ext-4',
          user_name: 'KJ@example.com',
          provisioned_at: T + 100,
        },
      ]);
      await insert(db, 'advocate_tokens', [
        { token_hash: 'j'.repeat(64), advocate_id: 'adv1', via: 'sso', created_at: T + 90, used_at: FAR },
        { token_hash: 'k'.repeat(64), advocate_id: 'adv4', via: 'sso', created_at: T + 100, used_at: null },
      ]);
      await insert(db, 'revoked_tokens', [
        { token_hash: 'l'.repeat(64), advocate_id: 'adv4', reason: 'deprovisioned', revoked_at: T + 95 },
      ]);
      await insert(db, 'sso_logins', [
        {
          state_hash: 'm'.repeat(64),
          nonce: 'n0nce',
          verifier: 'v'.repeat(43),
          purpose: 'extension',
          return_to: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/sso',
          created_at: T + 110,
          expires_at: T + 110 + 600_000,
        },
        {
          state_hash: 'o'.repeat(64),
          nonce: 'n',
          verifier: 'w'.repeat(43),
          purpose: 'console',
          return_to: null,
          created_at: T + 111,
          expires_at: FAR,
        },
      ]);
      await insert(db, 'sso_codes', [
        {
          code_hash: 'p'.repeat(64),
          advocate_id: 'adv4',
          return_to: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/sso',
          created_at: T + 120,
          expires_at: T + 180,
        },
      ]);
      await insert(db, 'scim_tokens', [
        {
          id: 'scim1',
          token_hash: 'q'.repeat(64),
          hint: 'rls_q',
          label: 'Entra ID — “prod”',
          created_by: 'adm1',
          created_at: T + 130,
          last_used_at: FAR,
          revoked_at: null,
        },
        {
          id: 'scim2',
          token_hash: 'r'.repeat(64),
          hint: 'rls_r',
          label: null,
          created_by: null,
          created_at: T + 131,
          last_used_at: null,
          revoked_at: T + 132,
        },
      ]);
      await insert(db, 'groups', [
        {
          id: 'grp1',
          display_name: 'Engineering',
          external_id: 'ext-g1',
          source: 'scim',
          created_at: T + 140,
          updated_at: T + 141,
        },
        {
          id: 'grp2',
          display_name: 'Marketing 東京',
          external_id: null,
          source: 'idp',
          created_at: T,
          updated_at: FAR,
        },
      ]);
      await insert(db, 'group_members', [
        { group_id: 'grp1', advocate_id: 'adv4' },
        { group_id: 'grp2', advocate_id: 'adv1' },
      ]);
    },
    // Every working token moves to advocate_tokens (an invite token, last used when the advocate's
    // was); advocates keep 'none:<id>' as token_hash and lose token_used_at; the identity columns
    // start empty, and so do the new tables.
    transform: (before) => ({
      ...before,
      advocate_tokens: before
        .advocates!.filter((row) => row.access_ended === null && !String(row.token_hash).startsWith('revoked:'))
        .map((row) => ({
          token_hash: row.token_hash,
          advocate_id: row.id,
          via: 'invite',
          created_at: row.created_at,
          used_at: row.token_used_at,
        })),
      advocates: before.advocates!.map(({ token_used_at: _used, ...row }) => ({
        ...row,
        token_hash: `none:${String(row.id)}`,
        subject: null,
        email: null,
        external_id: null,
        user_name: null,
        provisioned_at: null,
      })),
      admins: before.admins!.map((row) => ({ ...row, subject: null, name: null })),
    }),
  },
};
