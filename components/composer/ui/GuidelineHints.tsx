/**
 * The guideline hints for the post being written (computed in the page by lib/guidelines/, one rule module each), in
 * a status region next to the composer; a hint with a fix has a one-click button ("Add #employee").
 */
import type { Hint } from '../../../lib/guidelines';

interface Props {
  hints: readonly Hint[];
  onFix: (hint: Hint) => void;
}

const SEVERITY_LABEL: Record<Hint['severity'], string> = { error: 'Fix', warning: 'Check', info: 'Tip' };

export function GuidelineHints({ hints, onFix }: Props) {
  return (
    <div class="relay-hints" role="status" aria-label="Relay guideline hints">
      {hints.length > 0 && (
        <ul>
          {hints.map((hint, index) => (
            <li key={`${hint.kind}-${index}`} class={`relay-hint relay-hint--${hint.severity}`}>
              <span class="relay-hint-severity">{SEVERITY_LABEL[hint.severity]}</span>
              <span class="relay-hint-message">{hint.message}</span>
              {hint.fix && (
                <button type="button" class="relay-fix" onClick={() => onFix(hint)}>
                  {hint.fix.label}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
