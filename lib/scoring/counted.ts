/** The counted shares as columns (typed arrays, one entry per counted share), as scoreCounted reads them: no object per share. */
import type { FirstShares } from './first-shares';
import type { RulesForScoring, ScoredShare } from './types';

/** The counted shares, one per post (firstShares' picks, in that order), by position. */
export interface CountedShares {
  readonly count: number;
  /** Each share's time (ms). */
  readonly sharedAt: Float64Array;
  /** 1 where the share was personalised. */
  readonly personalized: Uint8Array;
  /** Each share's network, as its index in `networks`. */
  readonly network: Int32Array;
  readonly networks: readonly string[];
  contentId(position: number): string;
  /** When the share's content was published (ms); null or undefined: not known. */
  publishedAt(position: number): number | null | undefined;
  /** Optional, for speed: publishedAt of the first `count` positions into `out`, NaN where not known. */
  publishedTimes?(positions: Int32Array, count: number, out: Float64Array): void;
  /** The position of the counted share of a content on a network, or -1. */
  find(contentId: string, network: string): number;
}

/** The counted shares (firstShares' picks) of share objects whose times are numbers already. */
export function countedShares(shares: readonly ScoredShare[], first: FirstShares): CountedShares {
  const count = first.picks.length;
  const personalized = new Uint8Array(count);
  for (let i = 0; i < count; i++) if (shares[first.picks[i]!]!.personalized) personalized[i] = 1;
  return {
    count,
    sharedAt: first.times,
    personalized,
    network: first.columns,
    networks: first.networks,
    contentId: (position) => shares[first.picks[position]!]!.contentId,
    publishedAt: (position) => shares[first.picks[position]!]!.publishedAt,
    find: first.find,
  };
}

/** compareShares (rules.ts) on two positions: time, then content, network and personalised first. */
export function compareCounted(counted: CountedShares, a: number, b: number): number {
  const byTime = counted.sharedAt[a]! - counted.sharedAt[b]!;
  // As `||` there: a time difference that is 0 or NaN falls through to the next key.
  if (byTime) return byTime;
  const contentA = counted.contentId(a);
  const contentB = counted.contentId(b);
  const networkA = counted.networks[counted.network[a]!]!;
  const networkB = counted.networks[counted.network[b]!]!;
  return (
    (contentA < contentB ? -1 : contentA > contentB ? 1 : 0) ||
    (networkA < networkB ? -1 : networkA > networkB ? 1 : 0) ||
    counted.personalized[b]! - counted.personalized[a]!
  );
}

/** Each network's points per share (0 for one the rules do not name), by its index in `networks`. */
export function pointsPerNetwork(networks: readonly string[], rules: RulesForScoring): number[] {
  return networks.map((network) => (rules.pointsPerShare as Record<string, number | undefined>)[network] ?? 0);
}
