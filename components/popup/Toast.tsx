/**
 * The message after a share ("+15 points · Shared on Facebook"): a live region that is always in
 * the page (so screen readers hear it), shown over the bottom of the list until dismissed or
 * replaced by the next share.
 */
import { t } from '../shared/i18n';

export function Toast({ text, onClose }: { text: string | null; onClose: () => void }) {
  return (
    <div class="toast-region" aria-live="polite">
      {text && (
        <div class="toast">
          <span class="toast-text">{text}</span>
          <button type="button" class="toast-close" aria-label={t('popup_dismiss')} onClick={onClose}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
