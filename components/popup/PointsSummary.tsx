/**
 * The "Your points" region: points, level, progress to the next level and number of shares (or a
 * placeholder until the first sync brought the scoring rules).
 */
import type { PointsSummary as Summary } from '../../lib/scoring';
import { plural } from './plural';

export function PointsSummary({ summary }: { summary: Summary | null }) {
  if (!summary) {
    return (
      <section class="points" aria-label="Your points">
        <p class="points-next">Your points and level appear here after the first sync.</p>
      </section>
    );
  }
  const { points, shares, level } = summary;
  const next = level.next;
  const span = next ? next.minPoints - level.minPoints : 1;
  const progress = next ? Math.min(1, Math.max(0, (points - level.minPoints) / span)) : 1;
  return (
    <section class="points" aria-label="Your points">
      <div class="points-row">
        <p class="points-total">
          <strong>{points.toLocaleString('en')}</strong> {points === 1 ? 'point' : 'points'}
        </p>
        <p class="points-level">{level.name}</p>
        <p class="points-shares">{plural(shares, 'share')}</p>
      </div>
      <div
        class="meter"
        role="progressbar"
        aria-label={next ? `Progress to ${next.name}` : 'Top level reached'}
        aria-valuemin={next ? level.minPoints : 0}
        aria-valuemax={next ? next.minPoints : 1}
        aria-valuenow={next ? points : 1}
      >
        <div class="meter-fill" style={{ width: `${Math.round(progress * 100)}%` }} />
      </div>
      <p class="points-next">
        {next
          ? `${plural(Math.max(0, next.minPoints - points), 'point')} to ${next.name}`
          : `You've reached the top level. Thank you!`}
      </p>
    </section>
  );
}
