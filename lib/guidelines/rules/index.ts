/** The guideline rules, in the order their hints come within a severity: a new rule is one file here and its two lines below. */
import type { RuleAbout } from '../types';
import * as bannedTerms from './banned-terms';
import * as dailyCap from './daily-cap';
import * as disclosure from './disclosure';
import * as hashtags from './hashtags';
import * as identical from './identical';
import * as length from './length';

export const GUIDELINE_RULES = [
  disclosure.disclosureRule,
  bannedTerms.bannedTermsRule,
  length.lengthRule,
  hashtags.hashtagsRule,
  dailyCap.dailyCapRule,
  identical.identicalRule,
] as const;

/** Each rule's label and description, by kind (every registered kind must have one). */
export const GUIDELINE_RULES_ABOUT = {
  'missing-disclosure': disclosure.about,
  'banned-term': bannedTerms.about,
  'too-long': length.about,
  'too-many-hashtags': hashtags.about,
  'daily-cap-reached': dailyCap.about,
  'identical-to-suggestion': identical.about,
} as const satisfies Record<(typeof GUIDELINE_RULES)[number]['kind'], RuleAbout>;
