/**
 * A guideline hint in the browser's language: lib/guidelines gives each finding a `messageKey` and
 * `params` beside its English `message` (kept for the console and the API); the extension shows
 * `hint_<messageKey>` from _locales, and the English message for a hint its catalog doesn't know
 * (a rule newer than this build's words). Severities by key: `severity_error|warning|info`.
 */
import type { Hint, HintSeverity } from '../../../lib/guidelines';
import { t, tMaybe } from '../../shared/i18n';

const SEVERITY_KEYS = {
  error: 'severity_error',
  warning: 'severity_warning',
  info: 'severity_info',
} as const satisfies Record<HintSeverity, string>;

/** "Muss behoben werden", "Bitte prüfen", "Tipp": the extension's own words for a severity. */
export function severityText(severity: HintSeverity): string {
  return t(SEVERITY_KEYS[severity]);
}

export function hintMessage(hint: Hint): string {
  return (hint.messageKey && tMaybe(`hint_${hint.messageKey}`, hint.params)) || hint.message;
}

export function hintFixLabel(hint: Hint): string {
  return (hint.messageKey && tMaybe(`hint_${hint.messageKey}_fix`, hint.params)) || (hint.fix?.label ?? '');
}
