/**
 * Relay's guideline hints for the post being written (computed in the page by lib/guidelines/, one
 * rule module each), in a status region under the composer, headed with Relay's mark and name so
 * nobody takes them for the site's. Severities read as everywhere else (SEVERITY_LABELS); the
 * words a hint is about are marked in the editor (marks.ts); a hint with a fix has a one-click
 * button ("Add #employee").
 */
import { SEVERITY_LABELS, type Hint } from '../../../lib/guidelines';
import { Logo } from '../../shared/Logo';

interface Props {
  hints: readonly Hint[];
  onFix: (hint: Hint) => void;
}

function summary(hints: readonly Hint[]): string {
  const mustFix = hints.filter((hint) => hint.severity === 'error').length;
  if (mustFix > 0) return `${mustFix} to fix before posting`;
  return hints.length === 1 ? '1 suggestion' : `${hints.length} suggestions`;
}

export function GuidelineHints({ hints, onFix }: Props) {
  return (
    <div
      class={hints.length > 0 ? 'relay-hints relay-card' : 'relay-hints'}
      role="status"
      aria-label="Relay guideline hints"
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
                <span class="relay-severity">{SEVERITY_LABELS[hint.severity]}</span>
                <span class="relay-hint-message">{hint.message}</span>
                {hint.fix && (
                  <button type="button" class="relay-fix" onClick={() => onFix(hint)}>
                    {hint.fix.label}
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
