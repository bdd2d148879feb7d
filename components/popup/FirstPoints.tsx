/** The Points tab before the first points: how to earn them, in the organisation's own rules (not an empty chart). */
import type { Network } from '../../lib/schemas';
import { networkLabel, NETWORKS } from '../../lib/networks';
import type { PointsView } from '../shared/messaging';
import { plural } from './plural';

export function FirstPoints({ earning, onShare }: { earning: PointsView['earning']; onShare: () => void }) {
  const scored = earning
    ? NETWORKS.map((network): [Network, number] => [network, earning.pointsPerShare[network] ?? 0]).filter(
        ([, points]) => points > 0,
      )
    : [];
  const best = Math.max(0, ...scored.map(([, points]) => points));
  return (
    <section class="card-section first-points" aria-labelledby="first-points-title">
      <p class="first-points-star" aria-hidden="true">
        ★
      </p>
      <h2 id="first-points-title" class="section-title">
        {best > 0
          ? `Share a post to earn your first ${plural(best, 'point')}`
          : 'Share a post to earn your first points'}
      </h2>
      {scored.length > 0 && (
        <ul class="first-points-list">
          {scored.map(([network, points]) => (
            <li key={network}>
              <span>{networkLabel(network)}</span>
              <strong>{plural(points, 'point')}</strong>
            </li>
          ))}
        </ul>
      )}
      {earning && (earning.earlyBonus > 0 || earning.personalizedBonus > 0) && (
        <p class="muted">
          {[
            earning.earlyBonus > 0 &&
              `+${earning.earlyBonus} when you share within ${plural(earning.earlyHours, 'hour')} of a post going out`,
            earning.personalizedBonus > 0 && `+${earning.personalizedBonus} when you add your own words`,
          ]
            .filter(Boolean)
            .join(', ')}
          .
        </p>
      )}
      <button type="button" class="button button--primary" onClick={onShare}>
        See posts to share
      </button>
    </section>
  );
}
