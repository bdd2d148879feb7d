/** Migration data for 0011 (roles and audit log): admins already there become owners; an audit entry survives later migrations. */
import { insert, T, type MigrationData } from './migration-data-rows';

export const ROLES_AUDIT_DATA: MigrationData = {
  async seed(db) {
    await insert(db, 'admins', [
      {
        id: 'adm11',
        email: 'editor@example.com',
        password_hash: 'scrypt$16384$8$1$c2FsdDM$a2V5Mw',
        created_at: T + 110,
        subject: null,
        name: 'Eddie Editor',
        role: 'editor',
      },
    ]);
    await insert(db, 'audit_log', [
      {
        id: 'aud1',
        at: T + 111,
        actor_type: 'admin',
        actor_id: 'adm11',
        actor_label: 'editor@example.com',
        action: 'content.create',
        target_type: 'content',
        target_id: 'c1',
        target_label: 'Launch',
        change: '{"after":{"title":"Launch"}}',
        advocate_id: null,
      },
    ]);
  },
  // Every admin there before gets the owner role; the audit log starts empty.
  transform: (before) => ({
    ...before,
    admins: before.admins!.map((row) => ({ ...row, role: 'owner' })),
  }),
};
