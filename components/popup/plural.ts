/** "1 share", "3 shares", "1.000 Beiträge": a count with its noun, in the browser's language (_locales plural keys). */
import { tp, type PluralKey } from '../shared/i18n';

export function plural(count: number, key: PluralKey): string {
  return tp(key, count);
}
