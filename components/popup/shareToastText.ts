/** The toast after a Share click: the points it earns (lib/scoring, through the background), honest when it earns none. */
import type { Network } from '../../lib/schemas';
import { isComposerNetwork, networkLabel } from '../../lib/networks';
import { t, tp } from '../shared/i18n';
import type { SharePoints } from '../shared/views';

export function shareToastText(network: Network, points: SharePoints | null | undefined): string {
  const label = networkLabel(network);
  // LinkedIn and X count once the post is published there (their composer tells Relay).
  const pending = isComposerNetwork(network);
  const done = pending ? t('toast_finish', { network: label }) : t('toast_shared', { network: label });
  if (!points) return done;
  switch (points.why) {
    case 'earned':
      return pending
        ? tp('toast_earned_pending', points.points, { network: label })
        : tp('toast_earned', points.points, { done });
    case 'off':
      return done;
    case 'network-off':
      return t('toast_network_off', { done, network: label });
    case 'already':
      return t('toast_already', { done, network: label });
    case 'cap':
      return t('toast_cap', { done });
  }
}
