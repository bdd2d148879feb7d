/** Property tests: StringSlots gives the slots a Map would, colliding hashes included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringSlots, hashString } from './string-slots';

/** The reference: a Map giving each new key the next slot. */
function reference(keys: readonly unknown[]): Map<unknown, number> {
  const slots = new Map<unknown, number>();
  for (const key of keys) if (!slots.has(key)) slots.set(key, slots.size);
  return slots;
}

/** Strings whose hashes are equal (found by search), so the table must tell them apart by comparing. */
const COLLIDING = [
  ['Aa', 'BB'],
  ['AaAa', 'BBBB', 'AaBB', 'BBAa'],
  ['1n', '30'],
];

describe('StringSlots', () => {
  it('gives the slots a Map would, for any strings and any other keys, and finds them again', () => {
    const key = fc.oneof(
      { weight: 6, arbitrary: fc.string({ maxLength: 6 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
      { weight: 2, arbitrary: fc.constantFrom(...COLLIDING.flat(), '', 'a', 'ab') },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -0, 1, Number.NaN, null, undefined, true) },
    );
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 300 }),
        fc.array(key, { maxLength: 30 }),
        fc.nat(64),
        (keys, probes, expected) => {
          const slots = new StringSlots(expected);
          const added = keys.map((k) => slots.add(k as string));
          const want = reference(keys);
          expect(added).toEqual(keys.map((k) => want.get(k)));
          expect(slots.size).toBe(want.size);
          // One comparison per run, not one expect per key: 500 runs stay quick on a loaded machine.
          expect([...want.keys()].map((k) => slots.slotOf(k as string))).toEqual([...want.values()]);
          expect(probes.map((probe) => slots.slotOf(probe as string))).toEqual(probes.map((p) => want.get(p) ?? -1));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('tells apart strings with equal hashes', () => {
    for (const group of COLLIDING) for (const key of group) expect(hashString(key)).toBe(hashString(group[0]!));
    const slots = new StringSlots();
    const all = COLLIDING.flat();
    all.forEach((key, i) => expect(slots.add(key)).toBe(i));
    all.forEach((key, i) => expect(slots.slotOf(key)).toBe(i));
    expect(slots.slotOf('AaAb')).toBe(-1);
  });

  it('keeps its slots as it grows far past the room it was made with', () => {
    const slots = new StringSlots(4);
    const keys = Array.from({ length: 50_000 }, (_, i) => `id-${(i * 7919) % 50_000}`);
    expect(keys.map((key) => slots.add(key))).toEqual(keys.map((_, i) => i));
    expect(slots.add('id-0')).toBe(0);
    expect(slots.slotOf('id-49999')).toBe(keys.indexOf('id-49999'));
    expect(slots.slotOf('id-50000')).toBe(-1);
  });
});

describe('StringSlots with many keys of other types first', () => {
  it('still finds string keys whose slots come after them', () => {
    const slots = new StringSlots();
    for (let i = 0; i < 40; i++) expect(slots.add(i as unknown as string)).toBe(i);
    for (let i = 0; i < 40; i++) expect(slots.add(`k${i}`)).toBe(40 + i);
    for (let i = 0; i < 40; i++) expect(slots.slotOf(`k${i}`)).toBe(40 + i);
    expect(slots.slotOf('k40')).toBe(-1);
  });
});
