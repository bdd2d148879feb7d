/**
 * Runs inside headless Chromium, bundled by bench/dexie.ts with esbuild: the extension's real
 * snapshot path, entrypoints/background/sync.ts `syncOnce` on entrypoints/background/db.ts `openRelayDb`, fed by a
 * stub client whose `sync()` answers 200 with the payload (validated with zod inside syncOnce, as
 * in the extension), beside a bare `db.content.bulkPut` of the same rows. Each timing gets a fresh
 * database, opened before the clock starts and deleted after.
 */
import Dexie from 'dexie';
import type { ApiClient, SyncAnswer } from '../entrypoints/background/api-client';
import { syncOnce } from '../entrypoints/background/sync';
import { syncResponseSchema, type SyncResponse } from '../lib/schemas';
import { openRelayDb, type RelayDexie } from '../entrypoints/background/db';

export interface DexieBench {
  setPayload(payload: SyncResponse): void;
  /** Milliseconds for syncOnce to apply the snapshot into a fresh database. */
  snapshot(name: string): Promise<number>;
  /** Milliseconds for a bare bulkPut of the snapshot's rows into a fresh database. */
  bare(name: string): Promise<number>;
  /** Milliseconds for the zod validation alone (no database): part of `snapshot`, shown apart. */
  validate(): number;
}

declare global {
  interface Window {
    relayDexieBench?: DexieBench;
  }
}

let payload: SyncResponse | undefined;

function current(): SyncResponse {
  if (!payload) throw new Error('setPayload first');
  return payload;
}

/** Opens a fresh database, runs `timed` on it and deletes it, whatever happens. */
async function withFreshDb<T>(name: string, timed: (db: RelayDexie) => Promise<T>): Promise<T> {
  await Dexie.delete(name);
  const db = openRelayDb(name);
  try {
    await db.open();
    return await timed(db);
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

window.relayDexieBench = {
  setPayload(next) {
    payload = next;
  },

  snapshot(name) {
    const body = current();
    const answer: SyncAnswer = { status: 200, body, etag: 'W/"bench-snapshot"' };
    const client = { sync: async () => answer } as Pick<ApiClient, 'sync'> as ApiClient;
    return withFreshDb(name, async (db) => {
      const start = performance.now();
      const outcome = await syncOnce(db, client);
      const elapsed = performance.now() - start;
      if (!outcome.changed || outcome.status.error)
        throw new Error(`syncOnce did not apply the snapshot: ${JSON.stringify(outcome.status)}`);
      const stored = await db.content.count();
      if (stored !== body.content.length) throw new Error(`${stored} rows stored, expected ${body.content.length}`);
      return elapsed;
    });
  },

  bare(name) {
    const rows = current().content;
    return withFreshDb(name, async (db) => {
      const start = performance.now();
      await db.content.bulkPut(rows);
      const elapsed = performance.now() - start;
      const stored = await db.content.count();
      if (stored !== rows.length) throw new Error(`${stored} rows stored, expected ${rows.length}`);
      return elapsed;
    });
  },

  validate() {
    const body = current();
    const start = performance.now();
    const parsed = syncResponseSchema.safeParse(body);
    const elapsed = performance.now() - start;
    if (!parsed.success) throw new Error(`the payload does not validate: ${parsed.error.message}`);
    return elapsed;
  },
};
