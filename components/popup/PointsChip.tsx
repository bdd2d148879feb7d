/** The header's points summary: a small chip ("★ 120 points", level in its description) that opens the Points tab. */
import type { PointsSummary } from '../../lib/scoring';
import { plural } from './plural';
import { t } from '../shared/i18n';

export function PointsChip({ summary, onOpen }: { summary: PointsSummary | null; onOpen: () => void }) {
  return (
    <section class="points-chip-region" aria-label={t('points_your')}>
      <button
        type="button"
        class="points-chip"
        onClick={onOpen}
        title={
          summary ? `${summary.level.name} · ${plural(summary.shares, 'shares_count')}` : t('points_chip_empty_title')
        }
      >
        <span aria-hidden="true">★</span> {summary ? plural(summary.points, 'points_count') : t('popup_tab_points')}
      </button>
    </section>
  );
}
