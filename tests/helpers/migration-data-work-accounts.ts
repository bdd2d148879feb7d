/** Migration 0007's data: tokens moved to advocate_tokens, identities from the IdP and SCIM, and the new tables' rows. */
import { FAR, insert, T, type MigrationData } from './migration-data-rows';

export const WORK_ACCOUNTS_DATA: MigrationData = {
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
    // Someone erased: only the hash of their subject stays.
    await insert(db, 'ended_identities', [{ subject_hash: 's'.repeat(64), reason: 'erased', ended_at: FAR }]);
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
};
