/** "Shared on LinkedIn · 2 minutes ago": a card's mark from the local share log (known offline too). */
import { networkLabel } from '../../lib/networks';
import type { LastShare } from '../shared/views';
import { relativeTime } from './relativeTime';

export function sharedMark(share: LastShare, now: number): string {
  const when = relativeTime(share.sharedAt, now);
  return when ? `Shared on ${networkLabel(share.network)} · ${when}` : `Shared on ${networkLabel(share.network)}`;
}
