/** Tracked links resolved from memory, kept current by the change feed, so a shared link redirects through a database outage. */
import type { Kysely } from 'kysely';
import { compileAudience } from '../../lib/audiences';
import type { Network } from '../../lib/schemas';
import type { Database } from '../db/schema';
import { shareFacts } from './content';
import type { CatalogueEntry, ContentCatalogue } from './content-catalogue';
import { destinationUrl } from './links';

/** What a tracked link resolves to. */
export interface ResolvedLink {
  location: string;
  advocateId: string;
  clickTracking: boolean;
}

/** A link's code never changes what it points at: advocate, content and network are fixed. */
export interface LinkFacts {
  code: string;
  advocateId: string;
  contentId: string;
  network: Network;
}

interface AdvocateFacts {
  ref: string;
  tracking: boolean;
}

interface Entry {
  facts: LinkFacts;
  advocate: AdvocateFacts;
  /** The destination, computed for the content's `seq`. */
  location?: string;
  seq?: number;
}

export interface LinkDirectoryOptions {
  utmMedium: string;
  /** Links kept in memory at most (the least recently used go first). */
  maxLinks?: number;
  /** Links of content published or expired within this long are loaded at start. */
  preloadWindowMs?: number;
}

const DAY_MS = 86_400_000;
const TRACKING_REFRESH_MS = 60_000;

export class LinkDirectory {
  private readonly links = new Map<string, Entry>();
  private readonly advocates = new Map<string, AdvocateFacts>();
  private timer: NodeJS.Timeout | undefined;
  private readonly maxLinks: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalogue: ContentCatalogue,
    private readonly options: LinkDirectoryOptions,
  ) {
    this.maxLinks = options.maxLinks ?? 200_000;
  }

  get size(): number {
    return this.links.size;
  }

  /** Loads the links of recent published content (the catalogue is started first). */
  async start(now: number): Promise<void> {
    const since = now - (this.options.preloadWindowMs ?? 30 * DAY_MS);
    const rows = await this.db
      .selectFrom('links')
      .innerJoin('content', 'content.id', 'links.content_id')
      .innerJoin('advocates', 'advocates.id', 'links.advocate_id')
      .select(['links.code', 'links.advocate_id', 'links.content_id', 'links.network', 'advocates.ref'])
      .select('advocates.click_tracking')
      .where('content.status', '=', 'published')
      .where((eb) => eb.or([eb('content.expires_at', 'is', null), eb('content.expires_at', '>', since)]))
      .orderBy('links.created_at', 'desc')
      .limit(this.maxLinks)
      .execute();
    for (const row of rows.reverse()) {
      this.remember(
        { code: row.code, advocateId: row.advocate_id, contentId: row.content_id, network: row.network as Network },
        { ref: row.ref, tracking: row.click_tracking === 1 },
      );
    }
    this.timer = setInterval(() => void this.refreshAdvocates().catch(() => undefined), TRACKING_REFRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The link's destination: from memory when known, else from the database (which may throw while it is down). */
  async resolve(code: string): Promise<ResolvedLink | undefined> {
    const known = this.links.get(code);
    if (known) {
      const content = this.catalogue.get(known.facts.contentId);
      if (content) {
        // Most recently used last: the oldest are evicted first.
        this.links.delete(code);
        this.links.set(code, known);
        return this.resolved(known, content);
      }
    }
    const row = await this.db
      .selectFrom('links')
      .innerJoin('content', 'content.id', 'links.content_id')
      .innerJoin('advocates', 'advocates.id', 'links.advocate_id')
      .select(['links.advocate_id', 'links.content_id', 'links.network', 'advocates.ref', 'advocates.click_tracking'])
      .select(['content.url', 'content.title', 'content.campaign', 'content.seq', 'content.status', 'content.networks'])
      .select([
        'content.audiences',
        'content.publish_at',
        'content.expires_at',
        'content.live_from',
        'content.live_until',
      ])
      .where('links.code', '=', code)
      .executeTakeFirst();
    if (!row) return undefined;
    this.catalogue.remember(row.content_id, {
      url: row.url,
      title: row.title,
      campaign: row.campaign,
      seq: Number(row.seq),
      share: shareFacts(row),
      audience: compileAudience(JSON.parse(row.audiences) as string[]),
    });
    const entry = this.remember(
      { code, advocateId: row.advocate_id, contentId: row.content_id, network: row.network as Network },
      { ref: row.ref, tracking: row.click_tracking === 1 },
    );
    return this.resolved(entry, this.catalogue.get(row.content_id)!);
  }

  /** Links a sync handed out (made or read): known from now on, without a database round trip. */
  remember(facts: LinkFacts, advocate: AdvocateFacts): Entry {
    let shared = this.advocates.get(facts.advocateId);
    if (!shared) this.advocates.set(facts.advocateId, (shared = { ...advocate }));
    const entry: Entry = { facts, advocate: shared };
    this.links.delete(facts.code);
    this.links.set(facts.code, entry);
    if (this.links.size > this.maxLinks) {
      const oldest = this.links.keys().next();
      if (!oldest.done) this.links.delete(oldest.value);
    }
    return entry;
  }

  /** The advocate switched click tracking here; other instances learn it within a minute (and clicks are re-checked when written). */
  setTracking(advocateId: string, tracking: boolean): void {
    const advocate = this.advocates.get(advocateId);
    if (advocate) advocate.tracking = tracking;
  }

  /** The advocate and their links are gone: their codes resolve no more. */
  forgetAdvocate(advocateId: string): void {
    for (const [code, entry] of this.links) if (entry.facts.advocateId === advocateId) this.links.delete(code);
    this.advocates.delete(advocateId);
  }

  /**
   * Reads again whether each known advocate counts clicks, and forgets those who are gone (erased):
   * every minute, and when revocations may have been missed.
   */
  async refreshAdvocates(): Promise<void> {
    const ids = [...this.advocates.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.db
        .selectFrom('advocates')
        .select(['id', 'click_tracking'])
        .where('id', 'in', chunk)
        .execute();
      const tracking = new Map(rows.map((row) => [row.id, row.click_tracking === 1]));
      for (const id of chunk) {
        const value = tracking.get(id);
        if (value === undefined) this.forgetAdvocate(id);
        else this.advocates.get(id)!.tracking = value;
      }
    }
  }

  private resolved(entry: Entry, content: CatalogueEntry): ResolvedLink {
    if (entry.seq !== content.seq || entry.location === undefined) {
      entry.location = destinationUrl(content, entry.facts.network, entry.advocate.ref, this.options.utmMedium);
      entry.seq = content.seq;
    }
    return { location: entry.location, advocateId: entry.facts.advocateId, clickTracking: entry.advocate.tracking };
  }
}
