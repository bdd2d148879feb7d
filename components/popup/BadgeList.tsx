/** The badges the admins defined: earned ones first, the rest with how far along the advocate is. */
import type { BadgeProgress } from '../../lib/scoring';
import { badgeProgressText } from './pointsText';
import { t } from '../shared/i18n';

export function BadgeList({ badges }: { badges: readonly BadgeProgress[] }) {
  if (badges.length === 0) return null;
  const ordered = [...badges].sort((a, b) => Number(b.earned) - Number(a.earned));
  const earned = badges.filter((badge) => badge.earned).length;
  return (
    <section class="card-section" aria-labelledby="badges-title">
      <h2 id="badges-title" class="section-title">
        {t('badges_title')} <span class="muted">{t('badges_of', { earned, total: badges.length })}</span>
      </h2>
      <ul class="badges">
        {ordered.map((badge) => (
          <li key={badge.id} class={`badge-item${badge.earned ? ' badge-item--earned' : ''}`}>
            <span class="badge-icon" aria-hidden="true">
              {badge.earned ? '★' : '☆'}
            </span>
            <span class="badge-text">
              <strong>{badge.name}</strong>
              {badge.description && <span class="muted">{badge.description}</span>}
            </span>
            <span class="badge-progress">{badgeProgressText(badge)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
