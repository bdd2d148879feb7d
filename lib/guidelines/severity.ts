/** One vocabulary for a hint's severity, wherever people read it: the composer's hints, the console's checks and the API's refusals. */
import type { HintSeverity } from './types';

/** "Must fix" blocks publishing without an override; "Worth a look" and "Tip" never block. */
export const SEVERITY_LABELS: Readonly<Record<HintSeverity, string>> = {
  error: 'Must fix',
  warning: 'Worth a look',
  info: 'Tip',
};

/** The label people read for a severity. */
export function severityLabel(severity: HintSeverity): string {
  return SEVERITY_LABELS[severity];
}
