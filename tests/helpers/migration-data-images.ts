/** Migration data for 0009 (images): an uploaded image's bytes (every byte value, a NUL first) survive later migrations. */
import { insert, T, type MigrationData } from './migration-data-rows';

const BYTES = Buffer.from([0x00, ...Array.from({ length: 256 }, (_, i) => i), 0xff]);

export const IMAGES_DATA: MigrationData = {
  async seed(db) {
    await insert(db, 'images', [
      {
        id: '0123456789abcdef0123456789abcdef',
        content_type: 'image/png',
        bytes: BYTES,
        size: BYTES.length,
        created_by: 'adm1',
        created_at: T + 90,
      },
    ]);
  },
  // A new table: no earlier row changes.
  transform: (before) => before,
};
