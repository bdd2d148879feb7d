import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openRelayDb, SCHEMA_VERSIONS } from '../../entrypoints/background/db';

const LATEST = SCHEMA_VERSIONS.length;

describe('IndexedDB schema upgrades', () => {
  it('has more than one version to upgrade from', () => {
    expect(LATEST).toBeGreaterThan(1);
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(Array.from({ length: LATEST }, (_, i) => i + 1));
  });

  for (const from of SCHEMA_VERSIONS.slice(0, -1).map((v) => v.version)) {
    it(`upgrading from v${from} to v${LATEST} keeps every share`, async () => {
      const name = `relay-upgrade-${from}-${Date.now()}`;
      const old = openRelayDb(name, from);
      const shares = Array.from({ length: 250 }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        contentId: `content-${i % 7}`,
        network: (['linkedin', 'x', 'facebook'] as const)[i % 3],
        sharedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
        // Shares as that version wrote them: from v2 on, with their source.
        ...(from >= 2 ? { source: 'popup', personalized: false } : {}),
      }));
      await old.table('shares').bulkAdd(shares);
      await old.table('meta').put({ key: 'cursor', value: 'c1.1.1' });
      old.close();

      const db = openRelayDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST);
      const after = await db.shares.orderBy('id').toArray();
      expect(after).toHaveLength(shares.length);
      for (const [index, share] of shares.entries()) {
        expect(after[index]).toMatchObject(share);
      }
      // Fields added since are filled in, and the new indexes work.
      expect(after.every((s) => s.source === 'popup' && s.personalized === false)).toBe(true);
      expect(await db.shares.where('[contentId+network]').equals(['content-1', 'x']).count()).toBeGreaterThan(0);
      expect(await db.outbox.count()).toBe(0);
      // v3's integration health counts start empty, and take a row.
      expect(await db.health.count()).toBe(0);
      expect(await db.health.where('day').below('2027-01-01').count()).toBe(0);
      expect((await db.meta.get('cursor'))?.value).toBe('c1.1.1');
      db.close();
      await Dexie.delete(name);
    });
  }
});
