/** A must-fix 422 (the post breaks must-fix guidelines): its failures, and how each reads. */
import { networkLabel } from '../../lib/networks';
import { mustFixFailureSchema, type ContentOverride } from '../../lib/schemas';
import { z } from 'zod';
import { ApiError } from './api';

export type MustFixFailure = z.infer<typeof mustFixFailureSchema>;

const failuresSchema = z.array(mustFixFailureSchema).min(1);

/** The failures of a must-fix refusal; null for any other error. */
export function mustFixOf(error: unknown): MustFixFailure[] | null {
  if (!(error instanceof ApiError) || error.status !== 422 || !error.type.endsWith('/must-fix')) return null;
  const parsed = failuresSchema.safeParse(error.body.failures);
  return parsed.success ? parsed.data : null;
}

/** "LinkedIn variant 2" (variants counted from 1, as the editor labels them). */
export function variantName(failure: Pick<MustFixFailure, 'network' | 'variant'>): string {
  return `${networkLabel(failure.network)} variant ${failure.variant + 1}`;
}

/** "1 must-fix rule", "2 must-fix rules". */
export function mustFixCount(count: number): string {
  return `${count} must-fix rule${count === 1 ? '' : 's'}`;
}

/** "Published over 2 must-fix rules" */
export function overrideSummary(override: ContentOverride): string {
  return `Published over ${mustFixCount(override.failures.length)}`;
}
