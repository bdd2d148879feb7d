/** Placeholder while the first state arrives: the shape of the list, marked busy for assistive tech. */
import { t } from '../shared/i18n';

export function LoadingSkeleton() {
  return (
    <main class="screen skeleton" aria-busy="true">
      <p class="visually-hidden">{t('popup_loading_posts')}</p>
      <div class="skeleton-bar skeleton-bar--header" />
      <div class="skeleton-bar skeleton-bar--wide" />
      {[0, 1].map((index) => (
        <div key={index} class="skeleton-card" aria-hidden="true">
          <div class="skeleton-media" />
          <div class="skeleton-bar" />
          <div class="skeleton-bar skeleton-bar--short" />
        </div>
      ))}
    </main>
  );
}
