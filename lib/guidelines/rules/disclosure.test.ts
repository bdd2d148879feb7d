/** The missing-disclosure rule, and where its fix puts the disclosure. */
import { describe, expect, it } from 'vitest';
import { applyFix, checkPost, disclosureAppend } from '..';
import type { Guidelines, Network } from '../../schemas';
import { check, EMPLOYEE, kinds, only } from '../test-fixtures';

describe('missing disclosure', () => {
  it.each<[string, string, boolean]>([
    ['absent', 'Great launch today', true],
    ['present', 'Great launch today #employee', false],
    ['in another case', 'Great launch today #EMPLOYEE', false],
    ['at the start', '#Employee: great launch', false],
    ['followed by punctuation', 'Great launch (#employee).', false],
    ['a longer tag', 'Great launch #employees', true],
    ['a tag with an underscore', 'Great launch #employee_life', true],
    ['a tag continued in another script', 'Great launch #employeeé', true],
    ['glued to a word', 'Great launch#employee', true],
    ['with a full-width hash sign', 'Great launch ＃employee', false],
    ['only the word', 'Great launch, employee here', true],
  ])('a hashtag disclosure %s', (_, text, missing) => {
    const hints = only(check(text, { guidelines: EMPLOYEE }), 'missing-disclosure');
    expect(hints.length).toBe(missing ? 1 : 0);
  });

  it.each<[string, string, boolean]>([
    ['absent', 'Great launch', true],
    ['present', 'Great launch. I work at Acme.', false],
    ['in another case, spaced out', 'great launch, i work   at ACME', false],
    ['across a line break', 'I work\nat Acme', false],
    ['inside a longer word', 'I work at Acmeville', true],
  ])('a phrase disclosure %s', (_, text, missing) => {
    const guidelines: Guidelines = { bannedTerms: [], disclosure: { text: 'I work at Acme', networks: ['linkedin'] } };
    expect(kinds(check(text, { guidelines })).includes('missing-disclosure')).toBe(missing);
  });

  it('is an error with a fix that appends the disclosure', () => {
    const [hint] = check('Great launch', { guidelines: EMPLOYEE });
    expect(hint).toMatchObject({
      kind: 'missing-disclosure',
      severity: 'error',
      fix: { label: 'Add #employee', append: ' #employee' },
    });
    expect(hint?.message).toContain('#employee');
    expect(hint?.range).toBeUndefined();
    expect(JSON.parse(JSON.stringify(hint))).toEqual(hint);
  });

  it('is not asked for on networks the disclosure does not list', () => {
    expect(checkPost('Great launch', { network: 'facebook', guidelines: EMPLOYEE })).toEqual([]);
    const linkedInOnly: Guidelines = { bannedTerms: [], disclosure: { text: '#employee', networks: ['linkedin'] } };
    expect(checkPost('Great launch', { network: 'x', guidelines: linkedInOnly })).toEqual([]);
  });

  it.each<[string, Network, string, string]>([
    ['empty text', 'linkedin', '', '#employee'],
    ['one line on LinkedIn', 'linkedin', 'Great launch', ' #employee'],
    ['one line on X', 'x', 'Great launch', ' #employee'],
    ['a trailing line break', 'x', 'Great launch\n', '\n#employee'],
    ['a trailing line break on LinkedIn', 'linkedin', 'Great launch\n', '\n#employee'],
    ['several lines on LinkedIn', 'linkedin', 'Great launch\n\nRead it', '\n#employee'],
    ['several lines on X', 'x', 'Great launch\nRead it', ' #employee'],
    ['a trailing space', 'x', 'Great launch ', '#employee'],
  ])('separates the appended disclosure after %s', (_, network, text, append) => {
    expect(disclosureAppend(text, '#employee', network)).toBe(append);
    const [hint] = checkPost(text, { network, guidelines: EMPLOYEE });
    expect(hint?.fix).toEqual({ label: 'Add #employee', append });
    expect(
      only(checkPost(applyFix(text, hint!.fix!), { network, guidelines: EMPLOYEE }), 'missing-disclosure'),
    ).toEqual([]);
  });
});
