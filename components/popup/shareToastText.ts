/** The toast after a Share click: the points it earns (lib/scoring, through the background), honest when it earns none. */
import type { Network } from '../../lib/schemas';
import { isComposerNetwork, networkLabel } from '../../lib/networks';
import type { SharePoints } from '../shared/views';
import { plural } from './plural';

export function shareToastText(network: Network, points: SharePoints | null | undefined): string {
  const label = networkLabel(network);
  // LinkedIn and X count once the post is published there (their composer tells Relay).
  const pending = isComposerNetwork(network);
  const done = pending ? `Finish your post on ${label}` : `Shared on ${label}`;
  if (!points) return done;
  switch (points.why) {
    case 'earned':
      return pending
        ? `+${plural(points.points, 'point')} once you post it on ${label}`
        : `+${plural(points.points, 'point')} · ${done}`;
    case 'off':
      return done;
    case 'network-off':
      return `${done} · ${label} shares don't earn points`;
    case 'already':
      return `${done} · no new points: this post already counted on ${label}`;
    case 'cap':
      return `${done} · no new points: today's points limit is reached`;
  }
}
