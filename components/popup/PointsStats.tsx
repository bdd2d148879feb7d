/** Streak, rank and clicks at a glance, under the points total. */
import type { Score } from '../../lib/scoring';
import type { PointsView } from '../shared/messaging';
import { plural } from './plural';
import { rankText } from './pointsText';
import { formatNumber, t } from '../shared/i18n';

interface Props {
  score: Score;
  standing: PointsView['standing'];
  listed: boolean | null;
}

export function PointsStats({ score, standing, listed }: Props) {
  const rank = standing?.all.rank ?? null;
  const rankNote =
    listed === false
      ? t('stats_off_board')
      : rank === null
        ? t('stats_not_ranked')
        : t('stats_this_week', { rank: rankText(standing?.week.rank ?? null) });
  return (
    <dl class="stats">
      <div class="stat">
        <dt>{t('stats_streak')}</dt>
        <dd>
          <strong>{plural(score.streak.current, 'weeks_count')}</strong>
          <span class="muted">{t('stats_best', { value: plural(score.streak.best, 'weeks_count') })}</span>
        </dd>
      </div>
      <div class="stat">
        <dt>{t('stats_rank')}</dt>
        <dd>
          <strong>{rankText(rank)}</strong>
          <span class="muted">{rankNote}</span>
        </dd>
      </div>
      <div class="stat">
        <dt>{t('stats_clicks')}</dt>
        <dd>
          <strong>{formatNumber(score.clicks)}</strong>
          <span class="muted">{plural(score.shares, 'stats_on_shares')}</span>
        </dd>
      </div>
    </dl>
  );
}
