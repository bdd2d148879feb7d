/** Too long: over the network's limit, counted as the network counts (lib/networks.ts `length`). */
import { network as networkDefinition } from '../../networks';
import { COUNTERS } from '../length/overflow';
import { defineRule, type RuleAbout } from '../types';

function formatted(count: number): string {
  return count.toLocaleString('en-US');
}

export const lengthRule = defineRule({
  kind: 'too-long',
  severity: 'error',
  settings: [],
  defaults: {},
  check({ text, network }) {
    const definition = networkDefinition(network);
    // A share that carries no text (the link alone) has no length to keep to.
    if (!definition.carriesText) return [];
    const { max, counting } = definition.length;
    const counter = COUNTERS[counting];
    const over = counter.overflow(text, max);
    if (!over) return [];
    const { length, start } = over;
    return [
      {
        message:
          `Too long for ${definition.label} by ${formatted(length - max)}${counter.unit} ` +
          `(${formatted(length)} of ${formatted(max)}${counter.note}).`,
        messageKey: counting === 'twitter-weighted' ? 'too_long_weighted' : 'too_long',
        params: { network: definition.label, over: length - max, length, max },
        ...(start === undefined ? {} : { range: { start, end: text.length } }),
      },
    ];
  },
});

export const about: RuleAbout = {
  label: 'Length',
  description: "Says when a post is longer than the network takes, counted the network's way.",
};
