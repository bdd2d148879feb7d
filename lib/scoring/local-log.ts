/** Scoring the extension's local share log: ISO times, publish times from its synced content. */
import { disabledScore } from './badges';
import { isoMillis } from './iso-millis';
import { PerPost } from './per-post';
import { isScored } from './rules';
import { scoreShares } from './score';
import type { LoggedShare, RulesForScoring, Score, ScoredShare, ScoreOptions } from './types';

/**
 * The extension's path: its local share log, publish times from its synced content, clicks if
 * known. The log is first reduced to the counted share of each content and network (the same
 * choice scoreShares makes: earliest, then personalised), then scored.
 */
export function scoreLocalLog(
  shares: readonly LoggedShare[],
  content: readonly { id: string; publishAt: string | null }[],
  rules: RulesForScoring,
  options: ScoreOptions = {},
): Score {
  if (!rules.enabled) return disabledScore(rules);
  const firsts = new PerPost<{ share: LoggedShare; at: number }>();
  for (const share of shares) {
    if (!isScored(share.network, rules)) continue;
    const current = firsts.get(share.contentId, share.network);
    const at = isoMillis(share.sharedAt);
    if (
      current === undefined ||
      at < current.at ||
      (at === current.at && share.personalized === true && current.share.personalized !== true)
    ) {
      firsts.set(share.contentId, share.network, { share, at });
    }
  }
  const published = new Map<string, number | null>();
  for (const item of content) published.set(item.id, item.publishAt ? isoMillis(item.publishAt) : null);
  const scored: ScoredShare[] = [];
  for (const { share, at } of firsts.values()) {
    scored.push({
      contentId: share.contentId,
      network: share.network,
      sharedAt: at,
      personalized: share.personalized === true,
      publishedAt: published.get(share.contentId) ?? null,
    });
  }
  return scoreShares(scored, rules, options);
}
