/** Migration 0008's data: a publish override per content item (reason with Unicode, failures as JSON, a far time). */
import { FAR, insert, T, type MigrationData } from './migration-data-rows';

export const PUBLISH_OVERRIDES_DATA: MigrationData = {
  async seed(db) {
    await insert(db, 'content_overrides', [
      {
        content_id: 'c1',
        admin_id: 'adm2',
        reason: 'Legal approved the wording — “guaranteed” is a quote',
        failures: JSON.stringify([
          {
            network: 'linkedin',
            variant: 0,
            kind: 'banned-term',
            label: 'Banned terms',
            message: 'Avoid "guaranteed": no promises',
            term: { pattern: 'guaranteed', reason: 'no promises' },
            range: { start: 4, end: 14 },
          },
        ]),
        created_at: FAR,
      },
      { content_id: 'c3', admin_id: 'gone', reason: 'x', failures: '[]', created_at: T + 5 },
    ]);
  },
  // A new table: no row changes.
  transform: (before) => before,
};
