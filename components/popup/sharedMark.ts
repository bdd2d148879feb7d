/** "Shared on LinkedIn · 2 minutes ago": a card's mark from the local share log (known offline too). */
import { networkLabel } from '../../lib/networks';
import type { LastShare } from '../shared/views';
import { relativeTime } from './relativeTime';
import { t } from '../shared/i18n';

export function sharedMark(share: LastShare, now: number): string {
  const when = relativeTime(share.sharedAt, now);
  const network = networkLabel(share.network);
  return when ? t('shared_on_when', { network, when }) : t('toast_shared', { network });
}
