/** Building blocks of the read schemas: what a newer server may add is left out, not refused. */
import { z } from 'zod';
import { isNetwork, NETWORKS, type Network } from '../../networks';

/** A plain object, as JSON gives it. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array of enum members: members this version does not know (anything `isKnown` refuses) are left out. */
export function knownMembers<T extends string>(isKnown: (value: unknown) => value is T) {
  return z.array(z.unknown()).transform((values): T[] => values.filter(isKnown));
}

/** Networks this version knows, in the order given; a newer server's other networks are left out. */
export const knownNetworksSchema = knownMembers(isNetwork);

/**
 * An array of objects of some kind (a badge's metric, a share's network): the items `isKnown`
 * refuses are left out, the others must still be valid `item`s.
 */
export function knownItems<S extends z.ZodType>(isKnown: (item: Record<string, unknown>) => boolean, item: S) {
  return z
    .array(z.unknown())
    .transform((items) => items.filter((value) => !isRecord(value) || isKnown(value)))
    .pipe(z.array(item));
}

/** Keeps the keys of an object that are in `keys`; anything else fails as before (not an object). */
function pickKnown(keys: ReadonlySet<string>) {
  return z
    .record(z.string(), z.unknown())
    .transform((record) => Object.fromEntries(Object.entries(record).filter(([key]) => keys.has(key))));
}

/**
 * An object keyed by network, some networks possibly missing: keys that are not networks of
 * `networks` (by default every network this version knows) are dropped.
 */
export function networkRecord<K extends Network, S extends z.ZodType>(
  value: S,
  networks: readonly [K, ...K[]] = NETWORKS as readonly Network[] as readonly [K, ...K[]],
) {
  return pickKnown(new Set(networks)).pipe(z.partialRecord(z.enum(networks), value));
}

/**
 * An object with a value for every network this version knows: unknown keys are dropped, and a
 * network an older server did not know yet gets `missing`.
 */
export function everyNetwork<S extends z.ZodType>(value: S, missing: z.input<S>) {
  return pickKnown(new Set(NETWORKS))
    .transform((record) => ({ ...Object.fromEntries(NETWORKS.map((id) => [id, missing])), ...record }))
    .pipe(z.record(z.enum(NETWORKS), value));
}
