/** The scoring benchmark's share log: every share a post of its own (no duplicates to discard), ids like the server's, deterministic. */
import { withDailyCap, type LoggedShare, type ScoredClick } from '../lib/scoring';
import { DEFAULT_SCORING, NETWORKS } from '../lib/schemas';

export const LOG_SIZE = 100_000;
export const CLICK_ROWS = 50_000;
/** The default rules with a daily cap of ten shares, so the cap's path is measured too. */
export const RULES = withDailyCap(DEFAULT_SCORING, { dailyShareCap: 10 });

/** The run's clock: the log spans the two years before it. */
export const NOW = Date.UTC(2026, 5, 15, 12);

/** A deterministic pseudo-random sequence (mulberry32), so every run scores the same log. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A 14-character base-36 id, as server/ids.ts makes them. */
function id(next: () => number): string {
  let text = '';
  for (let i = 0; i < 14; i++) text += Math.floor(next() * 36).toString(36);
  return text;
}

export interface ScoringFixture {
  content: { id: string; publishAt: string }[];
  shares: LoggedShare[];
  clicks: ScoredClick[];
}

/** `size` shares, each of a different post, in no time order, and click rows on them. */
export function scoringFixture(size = LOG_SIZE): ScoringFixture {
  const next = random(42);
  const span = 2 * 365 * 86_400_000;
  const content = Array.from({ length: size }, () => ({
    id: id(next),
    publishAt: new Date(NOW - Math.floor(next() * span)).toISOString(),
  }));
  const shares: LoggedShare[] = content.map((item) => ({
    contentId: item.id,
    network: NETWORKS[Math.floor(next() * NETWORKS.length)]!,
    sharedAt: new Date(Math.min(NOW, Date.parse(item.publishAt) + Math.floor(next() * 7 * 86_400_000))).toISOString(),
    personalized: next() < 0.3,
  }));
  const clicks: ScoredClick[] = Array.from({ length: CLICK_ROWS }, () => {
    const share = shares[Math.floor(next() * size)]!;
    return {
      contentId: share.contentId,
      network: share.network,
      at: Math.floor((Date.parse(share.sharedAt) + next() * 30 * 86_400_000) / 3_600_000) * 3_600_000,
      count: 1 + Math.floor(next() * 20),
    };
  });
  return { content, shares, clicks };
}
