/**
 * Selector overrides: per composer site, CSS selectors an admin sets to patch a site's changed
 * markup before a new extension is out. Data, never code: each is a string the extension validates
 * as CSS before use (a server has no CSS parser), keyed by a name of the site's selector table.
 */
import { z } from 'zod';
import { lineSchema } from '../text';
import { MAX_OVERRIDES_PER_SITE, MAX_SELECTOR_LENGTH, SELECTOR_KEY } from '../selector-limits';

export const selectorKeySchema = z
  .string()
  .regex(SELECTOR_KEY, 'must be a key of the site selector table, e.g. "editor"')
  .describe("a key of the site's selector table");

export const selectorSchema = lineSchema().trim().min(1).max(MAX_SELECTOR_LENGTH).describe('a CSS selector list');

export const siteSelectorOverridesSchema = z
  .record(selectorKeySchema, selectorSchema)
  .refine((record) => Object.keys(record).length <= MAX_OVERRIDES_PER_SITE, {
    message: `at most ${MAX_OVERRIDES_PER_SITE} overrides per site`,
  });

export const selectorOverridesSchema = z
  .object({
    linkedin: siteSelectorOverridesSchema.optional(),
    x: siteSelectorOverridesSchema.optional(),
  })
  .strict();
export type SelectorOverrides = z.infer<typeof selectorOverridesSchema>;

export const DEFAULT_SELECTOR_OVERRIDES: SelectorOverrides = {};
