import { describe, expect, it } from 'vitest';
import { SEVERITY_LABELS, severityLabel } from './severity';

describe('severity labels', () => {
  it('name each severity once, in words (no shouted FIX)', () => {
    expect(severityLabel('error')).toBe('Must fix');
    expect(new Set(Object.values(SEVERITY_LABELS)).size).toBe(Object.keys(SEVERITY_LABELS).length);
    for (const label of Object.values(SEVERITY_LABELS)) expect(label).not.toMatch(/^[A-Z ]+$/);
  });
});
