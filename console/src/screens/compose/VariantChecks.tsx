/** The guideline checks the extension runs, for one variant: "Meets the guidelines." or each hint, with its fix. */
import { SEVERITY_LABELS, type Hint } from '../../../../lib/guidelines';

interface Props {
  id: string;
  label: string;
  text: string;
  hints: Hint[];
  checked: boolean;
  onFix: (hint: Hint) => void;
}

export function VariantChecks({ id, label, text, hints, checked, onFix }: Props) {
  let shown = null;
  if (text.trim() && hints.length === 0) {
    shown = checked && <p class="check check--ok">Meets the guidelines.</p>;
  } else if (text.trim()) {
    shown = (
      <ul class="checks__list" aria-label={`Guideline checks for ${label}`}>
        {hints.map((hint, i) => (
          <li key={`${hint.kind}-${i}`} class={`check check--${hint.severity}`}>
            <strong>{SEVERITY_LABELS[hint.severity]}:</strong> {hint.message}
            {hint.fix && (
              <button type="button" class="button button--small check__fix" onClick={() => onFix(hint)}>
                {hint.fix.label}
              </button>
            )}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div id={id} class="checks">
      {shown}
    </div>
  );
}
