/** Scoring the extension's local share log: ISO times, publish times from its synced content. */
import { disabledScore } from './badges';
import { isoMillis } from './iso-millis';
import { PerPost } from './per-post';
import { scoredNetworks } from './rules';
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
  const scoredOn = scoredNetworks(rules);
  for (const share of shares) {
    if (scoredOn[share.network] !== true) continue;
    const row = firsts.row(share.contentId);
    const current = row[share.network];
    const at = isoMillis(share.sharedAt);
    if (
      current === undefined ||
      at < current.at ||
      (at === current.at && share.personalized === true && current.share.personalized !== true)
    ) {
      row[share.network] = { share, at };
    }
  }
  const published = new Map<string, number | null>();
  for (const item of content) published.set(item.id, item.publishAt ? isoMillis(item.publishAt) : null);
  const scored: ScoredShare[] = [];
  firsts.forEach(({ share, at }) => {
    scored.push({
      contentId: share.contentId,
      network: share.network,
      sharedAt: at,
      personalized: share.personalized === true,
      publishedAt: published.get(share.contentId) ?? null,
    });
  });
  return scoreShares(scored, rules, options);
}
