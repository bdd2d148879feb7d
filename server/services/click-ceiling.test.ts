/** The per-address click ceiling: distinct visitors up to the limit, per link and hour, in bounded memory. */
import { describe, expect, it } from 'vitest';
import { ClickCeiling, addressBlock } from './click-ceiling';

const HOUR = 3_600_000;
const T0 = 1_800_000 * HOUR;

describe('ClickCeiling', () => {
  it('admits up to `limit` distinct visitors per address, link and hour', () => {
    const ceiling = new ClickCeiling({ limit: 20 });
    const admitted = Array.from({ length: 300 }, (_, i) => ceiling.admit('abc', '192.0.2.1', `agent ${i}`, T0));
    expect(admitted.filter(Boolean)).toHaveLength(20);
    expect(admitted.slice(0, 20).every(Boolean)).toBe(true);
    // Another address, another link: their own budgets.
    expect(ceiling.admit('abc', '192.0.2.2', 'agent 299', T0)).toBe(true);
    expect(ceiling.admit('xyz', '192.0.2.1', 'agent 299', T0)).toBe(true);
  });

  it('lets a visitor already counted through again without using the budget', () => {
    const ceiling = new ClickCeiling({ limit: 2 });
    for (let i = 0; i < 10; i++) expect(ceiling.admit('abc', '192.0.2.1', 'same agent', T0)).toBe(true);
    expect(ceiling.admit('abc', '192.0.2.1', 'second', T0)).toBe(true);
    expect(ceiling.admit('abc', '192.0.2.1', 'third', T0)).toBe(false);
    expect(ceiling.admit('abc', '192.0.2.1', 'same agent', T0)).toBe(true);
  });

  it('forgets past hours', () => {
    const ceiling = new ClickCeiling({ limit: 1 });
    expect(ceiling.admit('abc', '192.0.2.1', 'one', T0)).toBe(true);
    expect(ceiling.admit('abc', '192.0.2.1', 'two', T0 + HOUR - 1)).toBe(false);
    expect(ceiling.admit('abc', '192.0.2.1', 'two', T0 + HOUR)).toBe(true);
    expect(ceiling.size).toBe(1);
  });

  it('counts IPv6 addresses per /64', () => {
    const ceiling = new ClickCeiling({ limit: 2 });
    expect(ceiling.admit('abc', '2001:db8:1:2::1', 'a', T0)).toBe(true);
    expect(ceiling.admit('abc', '2001:db8:1:2:ffff::9', 'b', T0)).toBe(true);
    expect(ceiling.admit('abc', '2001:0db8:0001:0002:1234:5678:9abc:def0', 'c', T0)).toBe(false);
    expect(ceiling.admit('abc', '2001:db8:1:3::1', 'c', T0)).toBe(true);
  });

  it('keeps memory bounded and no raw address', () => {
    const ceiling = new ClickCeiling({ limit: 5, maxVisitors: 1_000 });
    for (let i = 0; i < 5_000; i++) ceiling.admit('abc', `198.51.${i >> 8}.${i & 255}`, 'agent', T0);
    expect(ceiling.size).toBeLessThanOrEqual(1_000);
    const kept = JSON.stringify([...ceiling['entries'].keys()]);
    expect(kept).not.toMatch(/198\.51\./);
  });
});

describe('addressBlock', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1:2:3:4', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s → %s', (address, block) => expect(addressBlock(address)).toBe(block));
});
