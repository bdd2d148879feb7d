/** The guidelines form's per-language rules as drafted: one entry per language, banned terms as "phrase | reason" lines. */
import { TEXT_NETWORKS } from '../../../../lib/networks';
import type { Guidelines, LanguageGuidelines } from '../../../../lib/schemas';

export interface LanguageDraft {
  key: number;
  tag: string;
  /** One term a line: "phrase | reason"; a regular expression between slashes: "/pattern/ | reason". */
  terms: string;
  /** Empty: the global disclosure applies to this language. */
  disclosureText: string;
  /** Kept as they were (or the global disclosure's): the form edits the text only. */
  disclosureNetworks: string[];
}

let nextKey = 1;

export function newLanguage(tag: string, networks: readonly string[]): LanguageDraft {
  return {
    key: nextKey++,
    tag,
    terms: '',
    disclosureText: '',
    disclosureNetworks: [...(networks.length ? networks : TEXT_NETWORKS)],
  };
}

export function languageDrafts(guidelines: Guidelines): LanguageDraft[] {
  return Object.entries(guidelines.languages ?? {}).map(([tag, rules]) => ({
    key: nextKey++,
    tag,
    terms: (rules.bannedTerms ?? [])
      .map((term) => `${term.regex ? `/${term.pattern}/` : term.pattern} | ${term.reason}`)
      .join('\n'),
    disclosureText: rules.disclosure?.text ?? '',
    disclosureNetworks: [...(rules.disclosure?.networks ?? guidelines.disclosure?.networks ?? TEXT_NETWORKS)],
  }));
}

function termOf(line: string): { pattern: string; regex?: boolean; reason: string } {
  const bar = line.lastIndexOf('|');
  const pattern = (bar === -1 ? line : line.slice(0, bar)).trim();
  const reason = bar === -1 ? '' : line.slice(bar + 1).trim();
  const regex = /^\/.+\/$/u.test(pattern);
  return regex ? { pattern: pattern.slice(1, -1), regex: true, reason } : { pattern, reason };
}

/** The `languages` field of the candidate (undefined when there are none). */
export function languagesCandidate(drafts: readonly LanguageDraft[]): Record<string, LanguageGuidelines> | undefined {
  if (drafts.length === 0) return undefined;
  return Object.fromEntries(
    drafts.map((draft) => {
      const terms = draft.terms
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map(termOf);
      const disclosure = draft.disclosureText.trim()
        ? { disclosure: { text: draft.disclosureText, networks: draft.disclosureNetworks } }
        : {};
      return [draft.tag, { ...(terms.length ? { bannedTerms: terms } : {}), ...disclosure }];
    }),
  ) as Record<string, LanguageGuidelines>;
}
