/**
 * The advocate's history as GET /v1/me sends it: summarised to what lib/scoring/ needs, so it stays
 * small however many events were stored, and scores exactly like the full history:
 * - shares: the counted share of each content item and network (the earliest; at equal times a
 *   personalised one), the only one scoring ever looks at;
 * - clicks: added up per content, network and stretch of time inside one ISO week and one UTC
 *   month, dated at the stretch's start. Click points are capped per share in time order and belong
 *   to the week and month they were earned in, so clicks within such a stretch earn the same points
 *   in the same week and month whether they come one by one or as one sum.
 * The extension applies the same summary to an older server's full history (one event per share,
 * clicks per hour) before keeping it.
 */
import { pickShares } from './scoring/first-shares';
import { isoWeekIndex, isoWeekStart, monthStart, type ScoredClick, type ScoredShare } from './scoring';
import type { MeHistory } from './schemas';

/** The share scoreShares counts for each content item and network, in no particular order. */
export function countedShares<T extends ScoredShare>(shares: readonly T[]): T[] {
  return pickShares(shares, (share) => share.sharedAt).counted;
}

/** The start of the stretch of time in one ISO week and one UTC month that holds `at`. */
export function clickPeriodStart(at: number): number {
  return Math.max(isoWeekStart(isoWeekIndex(at)), monthStart(at));
}

/** Clicks added up per content, network and week-and-month stretch, each dated at its stretch's start. */
export function clicksByPeriod(clicks: readonly ScoredClick[]): ScoredClick[] {
  const sums = new Map<string, ScoredClick & { count: number }>();
  for (const click of clicks) {
    const at = clickPeriodStart(click.at);
    const key = `${click.contentId}\u0000${click.network}\u0000${at}`;
    const sum = sums.get(key);
    if (sum) sum.count += click.count ?? 1;
    else sums.set(key, { contentId: click.contentId, network: click.network, at, count: click.count ?? 1 });
  }
  return [...sums.values()].sort((a, b) => a.at - b.at);
}

/** Shares and clicks (ms) as GET /v1/me's history carries them (ISO times), summarised or not. */
export function toMeHistory(shares: readonly ScoredShare[], clicks: readonly ScoredClick[]): MeHistory {
  return {
    shares: shares.map((share) => ({
      id: share.id ?? '',
      contentId: share.contentId,
      network: share.network,
      sharedAt: new Date(share.sharedAt).toISOString(),
      personalized: share.personalized === true,
      publishedAt: share.publishedAt == null ? null : new Date(share.publishedAt).toISOString(),
    })),
    clicks: clicks.map((click) => ({
      contentId: click.contentId,
      network: click.network,
      at: new Date(click.at).toISOString(),
      count: click.count ?? 1,
    })),
  };
}

/** GET /v1/me's history (ISO times) summarised as above: a full one becomes small, a summary stays as it is. */
export function summarizeMeHistory(history: MeHistory): MeHistory {
  const shares = countedShares(
    history.shares.map((entry, index) => ({
      contentId: entry.contentId,
      network: entry.network,
      sharedAt: Date.parse(entry.sharedAt),
      personalized: entry.personalized,
      index,
    })),
  )
    .sort((a, b) => a.index - b.index)
    .map((share) => history.shares[share.index]!);
  const clicks = clicksByPeriod(history.clicks.map((click) => ({ ...click, at: Date.parse(click.at) })));
  return { shares, clicks: toMeHistory([], clicks).clicks };
}
