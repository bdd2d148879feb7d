/** Stores a fresh enrolment (invite code or work account), replacing whatever this browser held, in one transaction. */
import { BROWSER_META, setMeta, type Enrollment, type MetaRow, type RelayDexie } from './db';

/** Nothing of an earlier advocate (posts, shares, outbox, notices) carries over; only this browser's own bookkeeping (BROWSER_META) stays. */
export async function storeEnrollment(
  db: RelayDexie,
  enrollment: Omit<Enrollment, 'enrolledAt'>,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', [db.meta, db.content, db.shares, db.outbox], async () => {
    await Promise.all([db.content.clear(), db.shares.clear(), db.outbox.clear()]);
    const kept = (await db.meta.bulkGet([...BROWSER_META])).filter((row): row is MetaRow => row !== undefined);
    await db.meta.clear();
    if (kept.length) await db.meta.bulkPut(kept);
    await setMeta(db, 'enrollment', { ...enrollment, enrolledAt: now.toISOString() });
  });
}
