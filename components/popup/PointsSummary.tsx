/**
 * The "Your points" region: points, level, progress to the next level and number of shares (or a
 * placeholder until the first sync brought the scoring rules).
 */
import type { PointsSummary as Summary } from '../../lib/scoring';
import { plural } from './plural';
import { formatNumber, t, tp } from '../shared/i18n';

export function PointsSummary({ summary }: { summary: Summary | null }) {
  if (!summary) {
    return (
      <section class="points" aria-label={t('points_your')}>
        <p class="points-next">{t('points_level_after_sync')}</p>
      </section>
    );
  }
  const { points, shares, level } = summary;
  const next = level.next;
  const span = next ? next.minPoints - level.minPoints : 1;
  const progress = next ? Math.min(1, Math.max(0, (points - level.minPoints) / span)) : 1;
  return (
    <section class="points" aria-label={t('points_your')}>
      <div class="points-row">
        <p class="points-total">
          <strong>{formatNumber(points)}</strong> {tp('points_word', points)}
        </p>
        <p class="points-level">{level.name}</p>
        <p class="points-shares">{plural(shares, 'shares_count')}</p>
      </div>
      <div
        class="meter"
        role="progressbar"
        aria-label={next ? t('points_progress_to', { level: next.name }) : t('points_top_level')}
        aria-valuemin={next ? level.minPoints : 0}
        aria-valuemax={next ? next.minPoints : 1}
        aria-valuenow={next ? points : 1}
      >
        <div class="meter-fill" style={{ width: `${Math.round(progress * 100)}%` }} />
      </div>
      <p class="points-next">
        {next
          ? tp('points_to_next', Math.max(0, next.minPoints - points), { level: next.name })
          : t('points_top_thanks')}
      </p>
    </section>
  );
}
