/** Turns whatever was thrown (an Error, a string, anything) into a sentence to show. */
import { t } from '../shared/i18n';

export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return t('popup_something_wrong');
}
