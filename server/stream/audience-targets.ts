/**
 * Whom a change concerns: the notifier asks it which connected advocates to nudge. A change to a
 * post reaches the advocates in its audience before or after the change (one who lost a post must
 * learn it); a change that is no post's (guidelines, scoring, memberships, regions) reaches everyone.
 * Each instance keeps every post's last audience in memory, so what a post was for is known after
 * a change rewrote it.
 */
import { compileAudience, inAudience, type CompiledAudience } from '../../lib/audiences';
import type { Deps } from '../context';
import { readAudiences } from '../services/audiences';

/** Everyone, or these advocates' audiences (any of them). */
export type Targets = 'everyone' | CompiledAudience[];

interface Known {
  audience: CompiledAudience;
  published: boolean;
}

export class AudienceTargets {
  private readonly known = new Map<string, Known>();
  /** Change numbers up to this one are reflected in `known`. */
  private seenSeq = 0;

  constructor(private readonly deps: Deps) {}

  /** Reads every post's audience as of change number `seq`. */
  async start(seq: number): Promise<void> {
    const rows = await this.deps.db.selectFrom('content').select(['id', 'audiences', 'status', 'seq']).execute();
    for (const row of rows) this.remember(row);
    this.seenSeq = seq;
  }

  /** Whom the changes numbered (seenSeq, seq] concern. */
  async changedUpTo(seq: number): Promise<Targets> {
    if (seq <= this.seenSeq) return [];
    const from = this.seenSeq;
    const rows = await this.deps.db
      .selectFrom('content')
      .select(['id', 'audiences', 'status', 'seq'])
      .where('seq', '>', from)
      .where('seq', '<=', seq)
      .execute();
    this.seenSeq = seq;
    const audiences: CompiledAudience[] = [];
    let everyone = false;
    for (const row of rows) {
      const before = this.known.get(row.id);
      const after = this.remember(row);
      for (const side of [before, after]) {
        if (!side?.published) continue;
        if (side.audience.everyone) everyone = true;
        else audiences.push(side.audience);
      }
    }
    // A change number no post carries now was something else (or a post changed twice): everyone.
    const numbers = new Set(rows.map((row) => Number(row.seq)));
    if (numbers.size < seq - from) everyone = true;
    return everyone ? 'everyone' : audiences;
  }

  /** Whom the posts that came due or expired in (from, to] concern. */
  async boundaryCrossed(from: number, to: number): Promise<Targets> {
    const rows = await this.deps.db
      .selectFrom('content')
      .select(['audiences'])
      .where('status', '=', 'published')
      .where((eb) =>
        eb.or([
          eb.and([eb('publish_at', '>', from), eb('publish_at', '<=', to)]),
          eb.and([eb('expires_at', '>', from), eb('expires_at', '<=', to)]),
        ]),
      )
      .execute();
    const audiences = rows.map((row) => compileAudience(JSON.parse(row.audiences) as string[]));
    return audiences.some((audience) => audience.everyone) ? 'everyone' : audiences;
  }

  /** The filter for the hub: which of these connected advocates the targets reach. */
  async filterFor(
    targets: Targets,
    advocateIds: readonly string[],
  ): Promise<((advocateId: string) => boolean) | undefined> {
    if (targets === 'everyone') return undefined;
    if (targets.length === 0) return () => false;
    const facts = await readAudiences(this.deps.db, advocateIds);
    const reached = new Set(
      [...facts].filter(([, who]) => targets.some((audience) => inAudience(audience, who))).map(([id]) => id),
    );
    return (advocateId) => reached.has(advocateId);
  }

  private remember(row: { id: string; audiences: string; status: string }): Known {
    const entry = {
      audience: compileAudience(JSON.parse(row.audiences) as string[]),
      published: row.status === 'published',
    };
    this.known.set(row.id, entry);
    return entry;
  }
}
