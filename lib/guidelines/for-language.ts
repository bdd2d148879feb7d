/** The guidelines for text in one language: the global rules, plus that language's banned terms and its disclosure instead of the global one. */
import { bestLanguage } from '../languages';
import type { Guidelines, LanguageGuidelines } from '../schemas/guidelines';

/** The per-language section that applies to `language`: the exact tag's, else its primary subtag's ("de-AT" → "de"). */
export function languageRulesFor(
  guidelines: Guidelines,
  language: string | null | undefined,
): LanguageGuidelines | undefined {
  const sections = guidelines.languages;
  if (!sections || !language) return undefined;
  const tag = bestLanguage(language, Object.keys(sections));
  return tag === undefined ? undefined : sections[tag];
}

/**
 * Guidelines without per-language sections, resolved for text in `language` (null or undefined:
 * the global rules only). What the checker, the publish check and sync use; old extensions parse
 * it, as it has no `languages` field.
 */
export function guidelinesFor(guidelines: Guidelines, language: string | null | undefined): Guidelines {
  const { languages: _languages, ...global } = guidelines;
  const own = languageRulesFor(guidelines, language);
  if (!own) return global;
  return {
    ...global,
    bannedTerms: [...(global.bannedTerms ?? []), ...(own.bannedTerms ?? [])],
    ...(own.disclosure ? { disclosure: own.disclosure } : {}),
  };
}
