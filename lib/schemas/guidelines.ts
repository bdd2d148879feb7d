/** Guidelines: the rules advocates' posts are checked against, as admins set them. */
import { z } from 'zod';
import { lineSchema } from '../text';
import { languageTagSchema, MAX_TRANSLATIONS } from '../languages';
import { networkSchema } from './common';

/** True when `pattern` compiles as the checker compiles it (case-insensitive, Unicode). */
export function compilesAsPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu');
    return true;
  } catch {
    return false;
  }
}

export const bannedTermSchema = z
  .object({
    pattern: lineSchema().trim().min(1).max(200),
    regex: z.boolean().optional(),
    reason: lineSchema().trim().min(1, 'say why the term is banned').max(300),
  })
  .strict()
  .superRefine((term, ctx) => {
    if (term.regex && !compilesAsPattern(term.pattern)) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'is not a valid regular expression' });
    }
  });
export type BannedTerm = z.infer<typeof bannedTermSchema>;

const disclosureSchema = z
  .object({
    text: lineSchema().trim().min(1).max(100).describe('e.g. "#employee" or "I work at Acme"'),
    networks: z.array(networkSchema).min(1),
  })
  .strict();

/** One language's rules: banned terms added to the global ones, a disclosure replacing the global one. */
export const languageGuidelinesSchema = z
  .object({
    bannedTerms: z.array(bannedTermSchema).max(500).optional(),
    disclosure: disclosureSchema.optional(),
  })
  .strict();
export type LanguageGuidelines = z.infer<typeof languageGuidelinesSchema>;

export const guidelinesSchema = z
  .object({
    disclosure: disclosureSchema.optional(),
    bannedTerms: z.array(bannedTermSchema).max(1000),
    maxHashtags: z.number().int().min(0).max(30).optional(),
    dailyShareCap: z.number().int().min(1).max(500).optional(),
    companyNames: z.array(lineSchema().trim().min(1).max(100)).max(50).optional(),
    languages: z
      .record(languageTagSchema, languageGuidelinesSchema)
      .refine((value) => Object.keys(value).length <= MAX_TRANSLATIONS * 2, {
        message: `at most ${MAX_TRANSLATIONS * 2} languages`,
      })
      .optional()
      .describe(
        "per-language rules for text in that language: bannedTerms add to the global ones, disclosure replaces the global one (a primary tag's rules apply to its regional tags, 'de' to 'de-AT')",
      ),
  })
  .strict();
export type Guidelines = z.infer<typeof guidelinesSchema>;

export const DEFAULT_GUIDELINES: Guidelines = { bannedTerms: [] };
