/** The identical-to-suggestion rule. */
import { describe, expect, it } from 'vitest';
import { checkPost } from '..';
import { EMPLOYEE, only } from '../test-fixtures';

describe('identical to the suggestion', () => {
  const suggestion = 'We just launched Relay.\n\nhttps://acme.example/r/abc';
  it.each<[string, string | null | undefined, string, boolean]>([
    ['the same', suggestion, suggestion, true],
    ['with other white space', suggestion, '  We just launched   Relay.\nhttps://acme.example/r/abc \n', true],
    ['with the disclosure only', suggestion, `${suggestion} #employee`, true],
    ['with a sentence of their own', suggestion, `Months of work went into this! ${suggestion}`, false],
    ['edited', suggestion, 'We just launched Relay! https://acme.example/r/abc', false],
    ['no suggestion', null, suggestion, false],
    ['an empty suggestion', '  ', '', false],
  ])('%s', (_, given, text, identical) => {
    const hints = checkPost(text, { network: 'linkedin', guidelines: EMPLOYEE, suggestion: given });
    const hint = only(hints, 'identical-to-suggestion');
    expect(hint.length).toBe(identical ? 1 : 0);
    if (identical) {
      expect(hint[0]?.severity).toBe('info');
      expect(hint[0]?.message).toMatch(/^Add a sentence in your own words/);
    }
  });
});
