/** The list has nothing to show: no posts at all yet, or none matching the filters. */
import { t } from '../shared/i18n';

/** `timing`: an Element Timing identifier, so a benchmark can tell when the empty list is painted. */
export function NoPosts({ timing }: { timing?: string }) {
  return (
    <div class="empty">
      <p elementtiming={timing}>{t('popup_no_posts')}</p>
    </div>
  );
}

export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <div class="empty">
      <p>{t('popup_no_matches')}</p>
      <button type="button" class="button" onClick={onClear}>
        {t('popup_clear_filters')}
      </button>
    </div>
  );
}
