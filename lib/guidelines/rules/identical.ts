/** Identical to the suggestion: the post is the suggested text as given (the disclosure and white space aside). */
import { findPhrase } from '../../phrases';
import type { Phrase } from '../../phrases';
import { disclosureFor } from '../compiled';
import { collapseWhiteSpace } from '../text';
import { defineRule, type RuleAbout } from '../types';

/** Trimmed, white space collapsed, NFC; the disclosure taken out (adding it alone is not personalising). */
function comparable(text: string, disclosure: Phrase | undefined): string {
  let result = text;
  if (disclosure) {
    const pieces: string[] = [];
    let last = 0;
    for (const range of findPhrase(disclosure, text)) {
      pieces.push(text.slice(last, range.start));
      last = range.end;
    }
    pieces.push(text.slice(last));
    result = pieces.join(' ');
  }
  return collapseWhiteSpace(result.normalize('NFC'));
}

export const identicalRule = defineRule({
  kind: 'identical-to-suggestion',
  severity: 'info',
  settings: [],
  defaults: {},
  meansVerbatim: true,
  check({ text, suggestion, network, guidelines }) {
    if (typeof suggestion !== 'string') return [];
    const disclosure = disclosureFor(guidelines, network)?.phrase;
    const suggested = comparable(suggestion, disclosure);
    if (suggested === '' || comparable(text, disclosure) !== suggested) return [];
    return [
      {
        message:
          'Add a sentence in your own words: why it matters to you, or what you worked on. Personal posts reach more people than identical ones.',
        messageKey: 'identical',
      },
    ];
  },
});

export const about: RuleAbout = {
  label: 'Own words',
  description: 'Suggests a sentence of the advocate’s own when the post is the suggested text unchanged.',
};
