/** Migration data for 0012 (audiences and languages): posts already there go to everyone in their one language; advocates start without a region or language. */
import type { MigrationData } from './migration-data-rows';

export const AUDIENCES_LANGUAGES_DATA: MigrationData = {
  // Only new columns: rows written after 0012 are seeded by later migrations' data.
  async seed() {},
  transform: (before) => ({
    ...before,
    content: before.content!.map((row) => ({ ...row, audiences: '[]', translations: '{}' })),
    advocates: before.advocates!.map((row) => ({ ...row, region: null, language: null, language_source: null })),
  }),
};
