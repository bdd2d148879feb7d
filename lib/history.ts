/**
 * The extension's input to scoring: this browser's share log joined with what the server knows
 * (shares made in another browser, the clicks only the server sees, publish times of posts that
 * have since expired). Shares are the same event when their ids match, so nothing counts twice.
 */
import type { LoggedShare, ScoredClick } from './scoring';
import type { MeHistory } from './schemas';

export interface ScoringInput {
  shares: LoggedShare[];
  content: { id: string; publishAt: string | null }[];
  clicks: ScoredClick[];
}

export function combineHistory(
  local: readonly (LoggedShare & { id: string })[],
  content: readonly { id: string; publishAt: string | null }[],
  history: MeHistory | null,
): ScoringInput {
  if (!history) return { shares: [...local], content: [...content], clicks: [] };
  const known = new Set<string>();
  for (const share of local) known.add(share.id);
  const shares: LoggedShare[] = [...local];
  for (const share of history.shares) {
    if (!known.has(share.id)) shares.push(share);
  }
  // The synced content's publish time wins; the server's fills in for posts no longer synced.
  const publishAt = new Map<string, string | null>();
  for (const share of history.shares) {
    if (share.publishedAt !== null) publishAt.set(share.contentId, share.publishedAt);
  }
  for (const item of content) publishAt.set(item.id, item.publishAt);
  return {
    shares,
    content: [...publishAt].map(([id, at]) => ({ id, publishAt: at })),
    clicks: history.clicks.map((click) => ({
      contentId: click.contentId,
      network: click.network,
      at: Date.parse(click.at),
      count: click.count,
    })),
  };
}
