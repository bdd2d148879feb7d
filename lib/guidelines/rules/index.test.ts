/** The rule registry: what each rule declares, and that the checker's hints follow those declarations. */
import { describe, expect, it } from 'vitest';
import { checkPost, describeGuidelineRules, GUIDELINE_RULES, guidelineRule, isVerbatim } from '..';
import { guidelinesSchema } from '../../schemas';
import { FULL } from '../test-fixtures';

describe('GUIDELINE_RULES', () => {
  it('declares each kind once, with a label, a description and known settings', () => {
    const kinds = GUIDELINE_RULES.map((rule) => rule.kind);
    for (const rule of GUIDELINE_RULES) expect(guidelineRule(rule.kind)).toBe(rule);
    expect(new Set(kinds).size).toBe(kinds.length);
    const fields = Object.keys(guidelinesSchema.shape);
    const described = describeGuidelineRules();
    expect(described.map((rule) => rule.kind)).toEqual(kinds);
    for (const rule of described) {
      expect(rule.label.trim(), rule.kind).not.toBe('');
      expect(rule.description.trim(), rule.kind).not.toBe('');
      expect(rule).not.toHaveProperty('check');
      for (const setting of rule.settings) expect(fields, rule.kind).toContain(setting);
      for (const setting of Object.keys(rule.defaults)) expect(rule.settings, rule.kind).toContain(setting);
      expect(guidelineRule(rule.kind)?.kind).toBe(rule.kind);
    }
    expect(guidelineRule('a-rule-from-a-newer-server')).toBeUndefined();
  });

  it("gives every hint its rule's kind and severity", () => {
    const text = `free money #a #b #c #d ${'x'.repeat(300)}`;
    const hints = checkPost(text, { network: 'x', guidelines: FULL, sharesToday: 5, suggestion: text });
    expect(new Set(hints.map((hint) => hint.kind))).toEqual(new Set(GUIDELINE_RULES.map((rule) => rule.kind)));
    for (const hint of hints) expect(hint.severity).toBe(guidelineRule(hint.kind)?.severity);
  });

  it('tells a verbatim post by the rules that declare it', () => {
    const suggestion = 'We just launched Relay.';
    const same = checkPost(suggestion, { network: 'linkedin', guidelines: FULL, suggestion });
    const own = checkPost(`Proud of this. ${suggestion}`, { network: 'linkedin', guidelines: FULL, suggestion });
    expect(isVerbatim(same)).toBe(true);
    expect(isVerbatim(own)).toBe(false);
    expect(GUIDELINE_RULES.filter((rule) => rule.meansVerbatim).map((rule) => rule.kind)).toEqual([
      'identical-to-suggestion',
    ]);
  });
});
