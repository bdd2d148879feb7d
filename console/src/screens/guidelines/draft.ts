/** The guidelines form's draft: made from the guidelines, turned into a Guidelines candidate, its paths named. */
import { NETWORKS, TEXT_NETWORKS, perNetwork, type Network } from '../../../../lib/networks';
import type { Guidelines } from '../../../../lib/schemas';
import { numberOrUndefined, splitList } from '../../forms';
import { languageDrafts, languagesCandidate, type LanguageDraft } from './language-draft';

export const FORM = 'guidelines';

export interface TermDraft {
  key: number;
  pattern: string;
  regex: boolean;
  reason: string;
}

export interface Draft {
  disclosureOn: boolean;
  disclosureText: string;
  disclosureNetworks: Record<Network, boolean>;
  terms: TermDraft[];
  maxHashtags: string;
  dailyShareCap: string;
  companyNames: string;
  languages: LanguageDraft[];
}

let nextKey = 1;

export function newTerm(): TermDraft {
  return { key: nextKey++, pattern: '', regex: false, reason: '' };
}

export function draftFrom(guidelines: Guidelines): Draft {
  // Until a disclosure is set up, it is suggested for every network that carries text.
  const networks: readonly string[] = guidelines.disclosure?.networks ?? TEXT_NETWORKS;
  return {
    disclosureOn: Boolean(guidelines.disclosure),
    disclosureText: guidelines.disclosure?.text ?? '#employee',
    disclosureNetworks: perNetwork((id) => networks.includes(id)),
    terms: guidelines.bannedTerms.map((term) => ({
      key: nextKey++,
      pattern: term.pattern,
      regex: term.regex === true,
      reason: term.reason,
    })),
    maxHashtags: guidelines.maxHashtags === undefined ? '' : String(guidelines.maxHashtags),
    dailyShareCap: guidelines.dailyShareCap === undefined ? '' : String(guidelines.dailyShareCap),
    companyNames: (guidelines.companyNames ?? []).join('\n'),
    languages: languageDrafts(guidelines),
  };
}

export function candidate(draft: Draft): Record<string, unknown> {
  const value: Record<string, unknown> = {
    bannedTerms: draft.terms.map((term) => ({
      pattern: term.pattern,
      ...(term.regex ? { regex: true } : {}),
      reason: term.reason,
    })),
  };
  if (draft.disclosureOn) {
    value.disclosure = { text: draft.disclosureText, networks: NETWORKS.filter((id) => draft.disclosureNetworks[id]) };
  }
  const maxHashtags = numberOrUndefined(draft.maxHashtags);
  if (maxHashtags !== undefined) value.maxHashtags = maxHashtags;
  const cap = numberOrUndefined(draft.dailyShareCap);
  if (cap !== undefined) value.dailyShareCap = cap;
  const names = splitList(draft.companyNames, /\n/);
  if (names.length) value.companyNames = names;
  const languages = languagesCandidate(draft.languages);
  if (languages) value.languages = languages;
  return value;
}

const NAMES: Record<string, string> = {
  maxHashtags: 'Most hashtags',
  dailyShareCap: 'Daily share cap',
  companyNames: 'Company names',
};

/** "bannedTerms.0.reason" → "Banned term 1, reason", for the error summary. */
export function labelFor(path: string): string {
  const [first, second, third] = path.split('.');
  if (first === 'languages') return `Rules in ${second ?? 'a language'}`;
  if (first === 'disclosure') return second === 'networks' ? 'Disclosure networks' : 'Disclosure text';
  if (first === 'bannedTerms') {
    if (second === undefined) return 'Banned terms';
    const row = `Banned term ${Number(second) + 1}`;
    return third === 'reason' ? `${row}, reason` : third === 'pattern' ? `${row}, word or phrase` : row;
  }
  return NAMES[first ?? ''] ?? 'Guidelines';
}
