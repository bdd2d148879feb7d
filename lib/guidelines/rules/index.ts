/** The guideline rules, in the order their hints come within a severity: a new rule is one file here and one line below. */
import { bannedTermsRule } from './banned-terms';
import { dailyCapRule } from './daily-cap';
import { disclosureRule } from './disclosure';
import { hashtagsRule } from './hashtags';
import { identicalRule } from './identical';
import { lengthRule } from './length';

export const GUIDELINE_RULES = [
  disclosureRule,
  bannedTermsRule,
  lengthRule,
  hashtagsRule,
  dailyCapRule,
  identicalRule,
] as const;
