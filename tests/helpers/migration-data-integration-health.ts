/** Migration data for 0010 (integration health): a browser's daily counts survive later migrations. */
import { insert, T, type MigrationData } from './migration-data-rows';

export const INTEGRATION_HEALTH_DATA: MigrationData = {
  async seed(db) {
    await insert(db, 'integration_health', [
      {
        browser: '0b7c6f1e-3a52-4b8e-9c1d-2f4a6b8c0d1e',
        site: 'linkedin',
        version: '1.4.2',
        day: '2026-12-01',
        composers_seen: 12,
        composers_unmatched: 1,
        insertions_confirmed: 9,
        insertions_failed: 2,
        publishes_confirmed: 5,
        publishes_unconfirmed: 1,
        overrides_refused: 0,
        updated_at: T + 100,
      },
    ]);
  },
  // A new table: no earlier row changes.
  transform: (before) => before,
};
