/**
 * Relay's guideline hints for the post being written (computed in the page by lib/guidelines/, one
 * rule module each), in a status region under the composer, headed with Relay's mark and name so
 * nobody takes them for the site's. Severities and messages are in the browser's language
 * (hintText.ts: `severity_<key>`, `hint_<messageKey>` in _locales); the words a hint is about are
 * marked in the editor (marks.ts); a hint with a fix has a one-click button ("Add #employee").
 */
import type { Hint } from '../../../lib/guidelines';
import { t, tp } from '../../shared/i18n';
import { Logo } from '../../shared/Logo';
import { hintFixLabel, hintMessage, severityText } from './hintText';

interface Props {
  hints: readonly Hint[];
  onFix: (hint: Hint) => void;
}

function summary(hints: readonly Hint[]): string {
  const mustFix = hints.filter((hint) => hint.severity === 'error').length;
  if (mustFix > 0) return tp('hints_to_fix', mustFix);
  return tp('hints_suggestions', hints.length);
}

export function GuidelineHints({ hints, onFix }: Props) {
  return (
    <div
      class={hints.length > 0 ? 'relay-hints relay-card' : 'relay-hints'}
      role="status"
      aria-label={t('hints_label')}
    >
      {hints.length > 0 && (
        <>
          <p class="relay-hints-head">
            <Logo size={16} />
            <span class="relay-brand">Relay</span>
            <span class="relay-hints-summary">{summary(hints)}</span>
          </p>
          <ul>
            {hints.map((hint, index) => (
              <li key={`${hint.kind}-${index}`} class={`relay-hint relay-hint--${hint.severity}`}>
                <span class="relay-severity">{severityText(hint.severity)}</span>
                <span class="relay-hint-message">{hintMessage(hint)}</span>
                {hint.fix && (
                  <button type="button" class="relay-fix" onClick={() => onFix(hint)}>
                    {hintFixLabel(hint)}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
