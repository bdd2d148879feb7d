import { describe, expect, it } from 'vitest';
import { newLinkCode } from './link-codes';

const AT = Date.UTC(2026, 11, 7, 10, 30, 15);

describe('newLinkCode', () => {
  it('is 14 characters a redirect accepts, the first six the minute it was made', () => {
    const code = newLinkCode(AT);
    expect(code).toMatch(/^[0-9a-z]{6}[0-9A-Za-z]{8}$/);
    expect(parseInt(code.slice(0, 6), 36)).toBe(Math.floor(AT / 60_000));
    // Within one minute the prefix is the same; the rest differs.
    expect(newLinkCode(AT + 40_000).slice(0, 6)).toBe(code.slice(0, 6));
  });

  it('sorts later minutes after earlier ones, byte-wise and as text', () => {
    const codes = [0, 1, 59, 60 * 24, 60 * 24 * 365 * 30].map((minutes) => newLinkCode(AT + minutes * 60_000));
    const bytewise = [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(bytewise).toEqual(codes);
    expect([...codes].sort((a, b) => a.slice(0, 6).localeCompare(b.slice(0, 6)))).toEqual(codes);
  });

  it('draws the rest at random: 10,000 codes in one minute are all different', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => newLinkCode(AT)));
    expect(codes.size).toBe(10_000);
    const tails = [...codes].map((code) => code.slice(6));
    // Every one of the 62 characters turns up in 80,000 random ones.
    expect(new Set(tails.join('')).size).toBe(62);
  });
});
