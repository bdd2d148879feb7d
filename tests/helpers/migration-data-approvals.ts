/** Migration data for 0013 (approvals): a post's review, its steps and a notification survive later migrations. */
import { FAR, insert, T, type MigrationData } from './migration-data-rows';

export const APPROVALS_DATA: MigrationData = {
  async seed(db) {
    await insert(db, 'content_reviews', [
      {
        content_id: 'c1',
        state: 'rejected',
        submitted_by: 'adm11',
        submitted_at: T + 120,
        note: 'Ready — “launch” wording checked',
        reviewed_by: 'adm1',
        reviewed_at: FAR,
        comment: 'Please add the disclosure line.\nThanks!',
        edited_by: 'adm11',
        edited_at: T + 119,
      },
      {
        content_id: 'c3',
        state: null,
        submitted_by: null,
        submitted_at: null,
        note: null,
        reviewed_by: null,
        reviewed_at: null,
        comment: null,
        edited_by: 'gone',
        edited_at: T + 2,
      },
    ]);
    await insert(db, 'content_review_steps', [
      { id: 'rs1', content_id: 'c1', action: 'submit', admin_id: 'adm11', comment: null, at: T + 120 },
      { id: 'rs2', content_id: 'c1', action: 'reject', admin_id: 'adm1', comment: 'Add the disclosure', at: FAR },
    ]);
    await insert(db, 'admin_notifications', [
      {
        id: 'n1',
        admin_id: 'adm11',
        kind: 'rejected',
        content_id: 'c1',
        actor_id: 'adm1',
        comment: 'Add the disclosure',
        created_at: FAR,
        read_at: null,
      },
    ]);
  },
  // New tables: no row changes.
  transform: (before) => before,
};
