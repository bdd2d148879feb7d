/** Every content item's destination and share facts in memory, kept current by the change feed: what redirects and shares need while the database is away. */
import type { Kysely } from 'kysely';
import { compileAudience, type CompiledAudience } from '../../lib/audiences';
import type { ShareContentFacts } from '../../lib/share-rules';
import type { ChangeFeed } from '../changes';
import type { DatabaseAvailability } from '../db/availability';
import type { Database } from '../db/schema';
import { Coalescer } from './coalesce';
import { shareFacts } from './content';

export interface CatalogueEntry {
  url: string;
  title: string;
  campaign: string | null;
  /** The change number of the item's last write. */
  seq: number;
  /** What lib/share-rules.ts decides a share of it by. */
  share: ShareContentFacts;
  /** Who it is for, parsed once per write (lib/audiences.ts). */
  audience: CompiledAudience;
}

export class ContentCatalogue {
  private readonly items = new Map<string, CatalogueEntry>();
  private seq = -1;
  private timer: NodeJS.Timeout | undefined;
  private readonly reader = new Coalescer(() => this.read());

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Reads every item, then follows changes announced on the feed (this instance's and, with
   * PostgreSQL, the others'). A read cut short by an outage is made again when the database is
   * back, and every minute anyway.
   */
  async start(changes: ChangeFeed, availability: DatabaseAvailability): Promise<void> {
    await this.refresh();
    const again = () => void this.refresh().catch(() => undefined);
    changes.subscribe(again);
    availability.onChange((state) => {
      if (state.reachable) again();
    });
    this.timer = setInterval(again, 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  get(id: string): CatalogueEntry | undefined {
    return this.items.get(id);
  }

  /** A row's audience: the one parsed at its write when the catalogue holds that version, else parsed now. */
  audienceOf(row: { id: string; seq: number; audiences: string }): CompiledAudience {
    const entry = this.items.get(row.id);
    if (entry && entry.seq === Number(row.seq)) return entry.audience;
    return compileAudience(JSON.parse(row.audiences) as string[]);
  }

  /** Keeps an item read elsewhere (a redirect that looked its link up), if it is not known yet. */
  remember(id: string, entry: CatalogueEntry): void {
    if (!this.items.has(id)) this.items.set(id, entry);
  }

  /** Reads the items written since the last read. */
  refresh(): Promise<void> {
    return this.reader.run();
  }

  private async read(): Promise<void> {
    const rows = await this.db
      .selectFrom('content')
      .select(['id', 'url', 'title', 'campaign', 'seq', 'status', 'networks', 'audiences'])
      .select(['publish_at', 'expires_at', 'live_from', 'live_until'])
      .where('seq', '>', this.seq)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      this.items.set(row.id, {
        url: row.url,
        title: row.title,
        campaign: row.campaign,
        seq,
        share: shareFacts(row),
        audience: compileAudience(JSON.parse(row.audiences) as string[]),
      });
      this.seq = Math.max(this.seq, seq);
    }
  }
}
