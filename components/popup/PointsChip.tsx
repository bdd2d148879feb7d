/** The header's points summary: a small chip ("★ 120 points", level in its description) that opens the Points tab. */
import type { PointsSummary } from '../../lib/scoring';
import { plural } from './plural';

export function PointsChip({ summary, onOpen }: { summary: PointsSummary | null; onOpen: () => void }) {
  return (
    <section class="points-chip-region" aria-label="Your points">
      <button
        type="button"
        class="points-chip"
        onClick={onOpen}
        title={
          summary ? `${summary.level.name} · ${plural(summary.shares, 'share')}` : 'Points appear after the first sync'
        }
      >
        <span aria-hidden="true">★</span> {summary ? plural(summary.points, 'point') : 'Points'}
      </button>
    </section>
  );
}
