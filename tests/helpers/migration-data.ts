/**
 * Data for testing each migration on a database that holds data: per migration, representative
 * rows written right after it (into the tables as it leaves them), and what it does to rows already
 * there. tests/server/migrations-data.test.ts fills a database migrated up to the one before each
 * migration, migrates to the latest and expects every row, transformed. A migration without an
 * entry here fails that test: every new migration brings its seeder and its transform.
 */
import { expect } from 'vitest';
import { hashInviteCode, inviteHint } from '../../server/crypto';
import { FAR, insert, T, type MigrationData } from './migration-data-rows';
import { PUBLISH_OVERRIDES_DATA } from './migration-data-publish-overrides';
import { IMAGES_DATA } from './migration-data-images';
import { INTEGRATION_HEALTH_DATA } from './migration-data-integration-health';
import { ROLES_AUDIT_DATA } from './migration-data-roles-audit';
import { AUDIENCES_LANGUAGES_DATA } from './migration-data-audiences-languages';
import { APPROVALS_DATA } from './migration-data-approvals';
import { WORK_ACCOUNTS_DATA } from './migration-data-work-accounts';
import { RANK_COUNTS_DATA } from './migration-data-rank-counts';

export type { MigrationData, Row, Snapshot } from './migration-data-rows';

export const DATA_FILE = 'tests/helpers/migration-data.ts';

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
  '0007_work_accounts': WORK_ACCOUNTS_DATA,
  '0008_publish_overrides': PUBLISH_OVERRIDES_DATA,
  '0009_images': IMAGES_DATA,
  '0010_integration_health': INTEGRATION_HEALTH_DATA,
  '0011_roles_audit': ROLES_AUDIT_DATA,
  '0012_audiences_languages': AUDIENCES_LANGUAGES_DATA,
  '0013_approvals': APPROVALS_DATA,
  // Triggers and an index only: every row stays as it was (tests/server/audit-append-only.test.ts).
  '0014_audit_append_only': { async seed() {}, transform: (before) => before },
  '0015_rank_counts': RANK_COUNTS_DATA,
  // A table that is empty outside a rebuild, and triggers (tests/server/points-rebuild.test.ts): rows stay.
  '0016_points_rebuild': { async seed() {}, transform: (before) => before },
};
