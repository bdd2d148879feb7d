/** Banned terms: every occurrence of a word, phrase or pattern the admins banned, with their reason. */
import { excerpt } from '../text';
import { findBannedTerms } from '../terms';
import { defineRule, type RuleAbout } from '../types';

/** At most this many banned-term hints per check (the first ones in the text). */
export const MAX_TERM_HINTS = 20;

export const bannedTermsRule = defineRule({
  kind: 'banned-term',
  severity: 'error',
  settings: ['bannedTerms'],
  defaults: { bannedTerms: [] },
  marksWords: true,
  check({ text, guidelines }) {
    if (text === '') return [];
    return findBannedTerms(text, guidelines.terms, MAX_TERM_HINTS).map((match) => {
      const reason = match.term.reason.trim();
      const term = excerpt(text.slice(match.start, match.end));
      return {
        message: `Avoid "${term}"${reason ? `: ${reason}` : '.'}`,
        messageKey: reason ? 'banned_term_reason' : 'banned_term',
        params: { term, reason },
        range: { start: match.start, end: match.end },
        term: match.term,
      };
    });
  },
});

export const about: RuleAbout = {
  label: 'Banned terms',
  description: 'Marks every word, phrase or regular expression the guidelines ban, with the reason given.',
};
