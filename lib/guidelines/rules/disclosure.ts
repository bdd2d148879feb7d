/** Missing disclosure: the post must say the advocate works for the company, on the networks the guidelines name. */
import type { Network } from '../../networks';
import { findPhrase } from '../../phrases';
import { disclosureFor } from '../compiled';
import { defineRule, type RuleAbout } from '../types';

/**
 * What to append so the post carries the disclosure: on a new line when the text ends with a line
 * break, or is several lines long on LinkedIn; after a space otherwise; with no separator when the
 * text is empty or already ends with a space.
 */
export function disclosureAppend(text: string, disclosure: string, network: Network): string {
  if (text === '') return disclosure;
  if (/[\n\r\u2028\u2029]$/u.test(text)) return `\n${disclosure}`;
  if (network === 'linkedin' && /[\n\r\u2028\u2029]/u.test(text)) return `\n${disclosure}`;
  if (/\s$/u.test(text)) return disclosure;
  return ` ${disclosure}`;
}

export const disclosureRule = defineRule({
  kind: 'missing-disclosure',
  severity: 'error',
  settings: ['disclosure'],
  defaults: {},
  check({ text, network, guidelines }) {
    const disclosure = disclosureFor(guidelines, network);
    if (!disclosure || findPhrase(disclosure.phrase, text, 1).length > 0) return [];
    return [
      {
        message: `Say that you work for the company: add "${disclosure.text}" to your post.`,
        messageKey: 'disclosure',
        params: { text: disclosure.text },
        fix: { label: `Add ${disclosure.text}`, append: disclosureAppend(text, disclosure.text, network) },
      },
    ];
  },
});

export const about: RuleAbout = {
  label: 'Disclosure',
  description:
    'Asks for the disclosure (e.g. "#employee") in every post on the networks it names, with a fix that adds it.',
};
