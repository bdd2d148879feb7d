/**
 * Selector overrides as the extension reads them: sites this version does not know are left out,
 * and what it cannot read (an older server sends none, a newer one something else) is no override.
 * Keys and selectors are checked where they are used (SiteSelectors.setOverrides), which reports
 * the refused ones in the integration health counts.
 */
import { z } from 'zod';
import type { SelectorOverrides } from '../selectors';

/** A site's overrides: entries whose value is not a string (something a newer server adds) are left out. */
const siteOverridesSchema = z
  .record(z.string(), z.unknown())
  .transform((record) =>
    Object.fromEntries(
      Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
  );

export const readSelectorOverridesSchema: z.ZodType<SelectorOverrides, unknown> = z
  .object({ linkedin: siteOverridesSchema.optional(), x: siteOverridesSchema.optional() })
  .catch({});
