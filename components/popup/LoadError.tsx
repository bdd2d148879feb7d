/** The popup could not get its state from the background: say so, and offer "Try again". */
import { t } from '../shared/i18n';

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <main class="screen screen--center">
      <div class="load-error" role="alert">
        <h1>{t('popup_load_error_title')}</h1>
        <p>{t('popup_load_error_text')}</p>
        <p class="detail">{message}</p>
      </div>
      <button type="button" class="button button--primary" onClick={onRetry}>
        {t('popup_try_again')}
      </button>
    </main>
  );
}
