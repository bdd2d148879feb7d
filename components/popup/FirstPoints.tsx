/** The Points tab before the first points: how to earn them, in the organisation's own rules (not an empty chart). */
import type { Network } from '../../lib/schemas';
import { networkLabel, NETWORKS } from '../../lib/networks';
import type { PointsView } from '../shared/messaging';
import { plural } from './plural';
import { t, tp } from '../shared/i18n';

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
        {best > 0 ? tp('first_points_title', best) : t('first_points_title_any')}
      </h2>
      {scored.length > 0 && (
        <ul class="first-points-list">
          {scored.map(([network, points]) => (
            <li key={network}>
              <span>{networkLabel(network)}</span>
              <strong>{plural(points, 'points_count')}</strong>
            </li>
          ))}
        </ul>
      )}
      {earning && (earning.earlyBonus > 0 || earning.personalizedBonus > 0) && (
        <p class="muted">
          {[
            earning.earlyBonus > 0 &&
              t('first_points_early', {
                bonus: earning.earlyBonus,
                hours: plural(earning.earlyHours, 'hours_count'),
              }),
            earning.personalizedBonus > 0 && t('first_points_personal', { bonus: earning.personalizedBonus }),
          ]
            .filter(Boolean)
            .join(', ')}
          .
        </p>
      )}
      <button type="button" class="button button--primary" onClick={onShare}>
        {t('first_points_see_posts')}
      </button>
    </section>
  );
}
