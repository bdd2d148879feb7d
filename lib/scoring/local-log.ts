/** Scoring the extension's local share log: ISO times, publish times from its synced content. */
import { disabledScore } from './badges';
import type { CountedShares } from './counted';
import { firstShares, type FirstShares } from './first-shares';
import { isoMillis } from './iso-millis';
import { scoreCounted, scoredNetworkList } from './score';
import type { LoggedShare, RulesForScoring, Score, ScoreOptions } from './types';

type Content = readonly { id: string; publishAt: string | null }[];

const loggedAt = (share: LoggedShare) => isoMillis(share.sharedAt);

/** The content entry (index + 1; 0: none) of each content shared, by slot, the last winning as in a Map. */
function contentEntries(content: Content, first: FirstShares): Int32Array {
  const entries = new Int32Array(first.contents);
  for (let i = 0; i < content.length; i++) {
    const slot = first.slotOf(content[i]!.id);
    if (slot >= 0) entries[slot] = i + 1;
  }
  return entries;
}

/** The publish time (ms; NaN: not known) of the content of each counted share at `positions` (the first `count`). */
function publishTimes(
  content: Content,
  first: FirstShares,
  entries: Int32Array,
  positions: Int32Array,
  count: number,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < count; i++) {
    const entry = entries[first.slots[positions[i]!]!]!;
    const publishAt = entry === 0 ? null : content[entry - 1]!.publishAt;
    out[i] = publishAt ? isoMillis(publishAt) : Number.NaN;
  }
  return out;
}

/** 1 for each counted share that was personalised. */
function personalizedPicks(shares: readonly LoggedShare[], picks: Int32Array): Uint8Array {
  const personalized = new Uint8Array(picks.length);
  for (let i = 0; i < picks.length; i++) if (shares[picks[i]!]!.personalized === true) personalized[i] = 1;
  return personalized;
}

/**
 * The extension's path: its local share log, publish times from its synced content, clicks if
 * known. The log is reduced to the counted share of each content and network (the choice
 * scoreShares makes: earliest, then personalised), each time parsed once, then scored.
 */
export function scoreLocalLog(
  shares: readonly LoggedShare[],
  content: Content,
  rules: RulesForScoring,
  options: ScoreOptions = {},
): Score {
  if (!rules.enabled) return disabledScore(rules);
  const first = firstShares(shares, loggedAt, scoredNetworkList(rules));
  // A publish time is parsed only for a share that earns share points (most do not when the
  // daily cap bites), from its content's entry.
  const entries = contentEntries(content, first);
  const counted: CountedShares = {
    count: first.picks.length,
    sharedAt: first.times,
    personalized: personalizedPicks(shares, first.picks),
    network: first.columns,
    networks: first.networks,
    contentId: (position) => shares[first.picks[position]!]!.contentId,
    publishedAt(position) {
      const entry = entries[first.slots[position]!]!;
      const publishAt = entry === 0 ? null : content[entry - 1]!.publishAt;
      const at = publishAt ? isoMillis(publishAt) : Number.NaN;
      return Number.isNaN(at) ? null : at;
    },
    publishedTimes(positions, count, out) {
      publishTimes(content, first, entries, positions, count, out);
    },
    find: first.find,
  };
  return scoreCounted(counted, rules, options);
}
