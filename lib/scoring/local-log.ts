/** Scoring the extension's local share log: ISO times, publish times from its synced content. */
import { disabledScore } from './badges';
import { firstShares } from './first-shares';
import { isoMillis } from './iso-millis';
import { scoreCounted, scoredNetworkList } from './score';
import type { LoggedShare, RulesForScoring, Score, ScoredShare, ScoreOptions } from './types';

const loggedAt = (share: LoggedShare) => isoMillis(share.sharedAt);

/**
 * The extension's path: its local share log, publish times from its synced content, clicks if
 * known. The log is reduced to the counted share of each content and network (the choice
 * scoreShares makes: earliest, then personalised), each time parsed once, then scored.
 */
export function scoreLocalLog(
  shares: readonly LoggedShare[],
  content: readonly { id: string; publishAt: string | null }[],
  rules: RulesForScoring,
  options: ScoreOptions = {},
): Score {
  if (!rules.enabled) return disabledScore(rules);
  const first = firstShares(shares, loggedAt, scoredNetworkList(rules));
  // Publish times of the contents shared (NaN: not known), the last entry winning as in a Map.
  const published = new Float64Array(first.contents).fill(Number.NaN);
  for (const item of content) {
    const slot = first.slotOf(item.id);
    if (slot >= 0) published[slot] = item.publishAt ? isoMillis(item.publishAt) : Number.NaN;
  }
  const counted: ScoredShare[] = new Array<ScoredShare>(first.picks.length);
  for (let i = 0; i < first.picks.length; i++) {
    const share = shares[first.picks[i]!]!;
    const publishedAt = published[first.slots[i]!]!;
    counted[i] = {
      contentId: share.contentId,
      network: share.network,
      sharedAt: first.times[i]!,
      personalized: share.personalized === true,
      publishedAt: Number.isNaN(publishedAt) ? null : publishedAt,
    };
  }
  return scoreCounted(counted, rules, options, (contentId, network) => {
    const position = first.find(contentId, network);
    return position < 0 ? undefined : counted[position];
  });
}
