/** Visitor hashes: an HMAC of address and user agent under a salt per UTC day, shared by every instance through the database. */
import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

const DAY_MS = 86_400_000;

export class VisitorHasher {
  private readonly salts = new Map<number, KeyObject>();
  /** For a day whose salt could not be read (the database down at midnight): this process only. */
  private readonly fallback = createSecretKey(randomBytes(32));
  private preparing: Promise<void> | undefined;
  private warned = -1;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /**
   * Makes sure today's and tomorrow's salts exist and are known here, so a click at midnight needs no
   * database; salts older than yesterday are deleted (no visitor can be followed across days).
   */
  prepare(): Promise<void> {
    return (this.preparing ??= this.load().finally(() => {
      this.preparing = undefined;
    }));
  }

  /** Waits for a salt read under way (one a click at a new day started), whatever its outcome. */
  async settled(): Promise<void> {
    await this.preparing?.catch(() => undefined);
  }

  /** The visitor hash of a click: never the address itself. Synchronous: the redirect does not wait. */
  visitor(ip: string, userAgent: string, at: number): string {
    const day = Math.floor(at / DAY_MS);
    let key = this.salts.get(day);
    if (!key) {
      void this.prepare().catch(() => undefined);
      if (this.warned !== day) {
        this.warned = day;
        console.error(`clicks: no salt for UTC day ${day} yet; this process's own key is used until there is`);
      }
      key = this.fallback;
    }
    return createHmac('sha256', key).update(ip).update('\n').update(userAgent).digest('base64url').slice(0, 32);
  }

  private async load(): Promise<void> {
    const now = this.now();
    const today = Math.floor(now / DAY_MS);
    const days = [today, today + 1];
    await this.db
      .insertInto('click_salts')
      .values(days.map((day) => ({ day, salt: randomBytes(32).toString('base64url'), created_at: now })))
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    const rows = await this.db.selectFrom('click_salts').select(['day', 'salt']).where('day', 'in', days).execute();
    for (const row of rows) this.salts.set(Number(row.day), createSecretKey(Buffer.from(row.salt, 'utf8')));
    // Salts older than yesterday hash nothing any more (a late flush may still need yesterday's).
    const oldest = today - 1;
    await this.db.deleteFrom('click_salts').where('day', '<', oldest).execute();
    for (const day of this.salts.keys()) if (day < oldest) this.salts.delete(day);
  }
}
