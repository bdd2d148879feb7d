/** Guidelines as the extension reads them: rules it does not know yet are left out, the rest kept. */
import { z } from 'zod';
import { compilesAsPattern, guidelinesSchema, type BannedTerm, type Guidelines } from '../guidelines';
import { knownNetworksSchema } from './tolerant';

const bannedTermSchema = z.object({ pattern: z.string().min(1), regex: z.boolean().optional(), reason: z.string() });

/** Banned terms; a pattern this browser's regular expressions cannot compile is left out rather than breaking the checks. */
const bannedTermsSchema = z
  .array(bannedTermSchema)
  .transform((terms): BannedTerm[] => terms.filter((term) => !term.regex || compilesAsPattern(term.pattern)));

/** The disclosure, on the networks this version knows; none of them left: no disclosure. */
const disclosureSchema = z
  .object({ text: z.string().min(1), networks: knownNetworksSchema })
  .transform((disclosure) => (disclosure.networks.length ? disclosure : undefined));

/**
 * Each guideline rule is a field: a field this version does not know (a newer server's new rule)
 * is stripped; the known ones are read as before.
 */
export const readGuidelinesSchema: z.ZodType<Guidelines, unknown> = z
  .object({
    ...guidelinesSchema.shape,
    disclosure: disclosureSchema.optional(),
    bannedTerms: bannedTermsSchema,
    // Sync sends guidelines resolved for the advocate's language (lib/guidelines/for-language.ts): per-language sections are not read.
    languages: z
      .unknown()
      .optional()
      .transform(() => undefined),
  })
  .transform(({ disclosure, languages: _languages, ...rest }) => (disclosure ? { ...rest, disclosure } : rest));
