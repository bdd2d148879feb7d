/** The audit screen's change summaries and names. */
import { describe, expect, it } from 'vitest';
import { actorName, summariseChange, targetName } from './summary';

describe('audit summaries', () => {
  it('shows before and after of each changed field', () => {
    expect(summariseChange({ before: { title: 'A' }, after: { title: 'B' } })).toBe('title: “A” → “B”');
    expect(summariseChange({ after: { title: 'New' } })).toBe('title: “New”');
    expect(summariseChange({ before: {}, after: {} })).toBe('No change');
  });

  it('shows an override’s reason and how many rules, and other fields as they are', () => {
    expect(summariseChange({ reason: 'Legal approved', failures: [{}, {}] })).toBe(
      'Reason: “Legal approved”; 2 must-fix rules overridden',
    );
    expect(summariseChange({ erase: false, revokedTokens: 2 })).toBe('erase: false; revokedTokens: 2');
    expect(summariseChange({ after: { note: 'x'.repeat(100) } })).toMatch(/…$/);
  });

  it('names actors and targets', () => {
    expect(actorName({ type: 'admin', id: 'a1', label: 'ann@corp.test' })).toEqual({
      name: 'ann@corp.test',
      detail: null,
    });
    expect(actorName({ type: 'scim', id: 't1', label: 'Okta' })).toEqual({ name: 'Identity provider', detail: 'Okta' });
    expect(targetName({ type: 'scim-token', id: 't1', label: null })).toBe('scim token t1');
    expect(targetName({ type: 'content', id: 'c1', label: 'Launch' })).toBe('content: Launch');
    expect(targetName(null)).toBe('—');
  });
});
