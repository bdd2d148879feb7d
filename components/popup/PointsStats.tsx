/** Streak, rank and clicks at a glance, under the points total. */
import type { Score } from '../../lib/scoring';
import type { PointsView } from '../shared/messaging';
import { plural } from './plural';
import { rankText } from './pointsText';

interface Props {
  score: Score;
  standing: PointsView['standing'];
  listed: boolean | null;
}

export function PointsStats({ score, standing, listed }: Props) {
  const rank = standing?.all.rank ?? null;
  const rankNote =
    listed === false
      ? 'Off the leaderboard'
      : rank === null
        ? 'Not ranked yet'
        : `${rankText(standing?.week.rank ?? null)} this week`;
  return (
    <dl class="stats">
      <div class="stat">
        <dt>Streak</dt>
        <dd>
          <strong>{plural(score.streak.current, 'week')}</strong>
          <span class="muted">{`Best: ${plural(score.streak.best, 'week')}`}</span>
        </dd>
      </div>
      <div class="stat">
        <dt>Rank</dt>
        <dd>
          <strong>{rankText(rank)}</strong>
          <span class="muted">{rankNote}</span>
        </dd>
      </div>
      <div class="stat">
        <dt>Clicks</dt>
        <dd>
          <strong>{score.clicks.toLocaleString('en')}</strong>
          <span class="muted">{`on ${plural(score.shares, 'share')}`}</span>
        </dd>
      </div>
    </dl>
  );
}
