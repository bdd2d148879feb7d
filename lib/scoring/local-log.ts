/** Scoring the extension's local share log: ISO times, publish times from its synced content. */
import { disabledScore } from './badges';
import type { CountedShares } from './counted';
import { firstShares } from './first-shares';
import { isoMillis } from './iso-millis';
import { scoreCounted, scoredNetworkList } from './score';
import type { LoggedShare, RulesForScoring, Score, ScoreOptions } from './types';

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
  // The content entry (index + 1) of each content shared, the last winning as in a Map. Its publish
  // time is parsed only for a share that earns share points (most do not when the daily cap bites).
  const entries = new Int32Array(first.contents);
  for (let i = 0; i < content.length; i++) {
    const slot = first.slotOf(content[i]!.id);
    if (slot >= 0) entries[slot] = i + 1;
  }
  const count = first.picks.length;
  const personalized = new Uint8Array(count);
  for (let i = 0; i < count; i++) if (shares[first.picks[i]!]!.personalized === true) personalized[i] = 1;
  const counted: CountedShares = {
    count,
    sharedAt: first.times,
    personalized,
    network: first.columns,
    networks: first.networks,
    contentId: (position) => shares[first.picks[position]!]!.contentId,
    publishedAt(position) {
      const entry = entries[first.slots[position]!]!;
      const publishAt = entry === 0 ? null : content[entry - 1]!.publishAt;
      const at = publishAt ? isoMillis(publishAt) : Number.NaN;
      return Number.isNaN(at) ? null : at;
    },
    find: first.find,
  };
  return scoreCounted(counted, rules, options);
}
