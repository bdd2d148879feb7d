/** Too many hashtags: more than the guidelines' `maxHashtags`, the required disclosure tag aside. */
import { disclosureFor } from '../compiled';
import { extractHashtags } from '../length/twitter';
import { defineRule, type RuleAbout } from '../types';

/** How many hash signs the text holds, counting no further than `stop`. */
function countHashSigns(text: string, stop: number): number {
  let count = 0;
  for (const sign of ['#', '\uFF03']) {
    for (let at = text.indexOf(sign); at >= 0 && count < stop; at = text.indexOf(sign, at + 1)) count++;
  }
  return count;
}

export const hashtagsRule = defineRule({
  kind: 'too-many-hashtags',
  severity: 'warning',
  settings: ['maxHashtags'],
  defaults: {},
  check({ text, network, guidelines }) {
    const max = guidelines.guidelines.maxHashtags;
    if (typeof max !== 'number' || !Number.isFinite(max) || text === '') return [];
    // Every hashtag has a hash sign: when there are few, there is nothing to extract (which is slow).
    if (countHashSigns(text, max + 1) <= max) return [];
    let tags = extractHashtags(text);
    // The disclosure hashtag is required, so it never counts against the limit.
    const required = disclosureFor(guidelines, network)?.tag;
    let exempt: string | undefined;
    if (required !== undefined) {
      const at = tags.findIndex((tag) => tag.hashtag.normalize('NFC').toLowerCase() === required);
      if (at >= 0) {
        exempt = tags[at]?.hashtag;
        tags = tags.filter((_, i) => i !== at);
      }
    }
    if (tags.length <= max) return [];
    const first = tags[Math.max(0, max)];
    const [start, end] = first?.indices ?? [0, 0];
    const exemptNote = exempt === undefined ? '' : ` (#${exempt} doesn't count)`;
    return [
      {
        message: `${tags.length} hashtags${exemptNote}; the guidelines allow at most ${max}. Remove ${tags.length - max}.`,
        messageKey: exempt === undefined ? 'too_many_hashtags' : 'too_many_hashtags_exempt',
        params: { count: tags.length, max, remove: tags.length - max, exempt: exempt ?? '' },
        ...(end > start && end <= text.length ? { range: { start, end } } : {}),
      },
    ];
  },
});

export const about: RuleAbout = {
  label: 'Hashtags',
  description: 'Warns when a post has more hashtags than the guidelines allow; the disclosure tag does not count.',
};
