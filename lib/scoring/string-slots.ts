/** Dense slots (0, 1, 2, … in the order first added) for keys, as a Map<key, slot> would give: an open-addressing table on typed arrays, for hot loops. */

/**
 * A 32-bit hash of a string's UTF-16 code units: h × 31 + unit per unit (shifts and adds only, cheap
 * before the code is optimized), then mixed so the low bits, which pick the bucket, spread.
 */
export function hashString(text: string): number {
  let hash = text.length;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) - hash + text.charCodeAt(i)) | 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** The smallest power of two ≥ 16 with room for `keys` at most half full. */
function bucketsFor(keys: number): number {
  let buckets = 16;
  while (buckets < keys * 2) buckets *= 2;
  return buckets;
}

/**
 * Slots for keys: `add` gives a new key the next slot, `slotOf` finds it again. String keys live in
 * one Int32Array of slot + 1 per bucket, probed linearly, each key's hash kept by slot and compared
 * before the key itself, so any strings (colliding hashes too) get the slots a Map would; keys of
 * any other type go to a Map. Four bytes a bucket: the table a fresh call touches all over is half
 * what (hash, slot) pairs would be.
 */
export class StringSlots {
  /** Each key by its slot. */
  private readonly keys: unknown[] = [];
  /** Each string key's hash by its slot. */
  private hashes: Int32Array;
  /** Per bucket: the slot + 1 of its key (0: an empty bucket). */
  private table: Int32Array;
  private mask: number;
  /** Keys that are not strings (never in the table), by SameValueZero as a Map compares them. */
  private others: Map<unknown, number> | undefined;

  /** `expected`: how many keys to make room for at once (the table grows past it). */
  constructor(expected = 0) {
    const buckets = bucketsFor(expected);
    this.table = new Int32Array(buckets);
    this.mask = buckets - 1;
    this.hashes = new Int32Array(Math.max(16, expected));
  }

  /** How many keys have a slot. */
  get size(): number {
    return this.keys.length;
  }

  /** The slot of `key`, or -1. */
  slotOf(key: string): number {
    if (typeof key !== 'string') return this.others?.get(key) ?? -1;
    const hash = hashString(key);
    const table = this.table;
    const hashes = this.hashes;
    const mask = this.mask;
    for (let bucket = hash & mask; ; bucket = (bucket + 1) & mask) {
      const entry = table[bucket]!;
      if (entry === 0) return -1;
      if (hashes[entry - 1] === hash && this.keys[entry - 1] === key) return entry - 1;
    }
  }

  /** The slot of `key`; a key not seen before gets the next one. */
  add(key: string): number {
    if (typeof key !== 'string') return this.addOther(key);
    const hash = hashString(key);
    const table = this.table;
    let hashes = this.hashes;
    const mask = this.mask;
    let bucket = hash & mask;
    for (; ; bucket = (bucket + 1) & mask) {
      const entry = table[bucket]!;
      if (entry === 0) break;
      if (hashes[entry - 1] === hash && this.keys[entry - 1] === key) return entry - 1;
    }
    const slot = this.keys.length;
    this.keys.push(key);
    // Keys of other types take slots too, so the slot may be past the end by more than one.
    if (slot >= hashes.length) {
      this.hashes = new Int32Array(Math.max(slot + 1, hashes.length * 2));
      this.hashes.set(hashes);
      hashes = this.hashes;
    }
    hashes[slot] = hash;
    table[bucket] = slot + 1;
    if (slot * 2 >= mask) this.grow();
    return slot;
  }

  private addOther(key: unknown): number {
    this.others ??= new Map();
    let slot = this.others.get(key);
    if (slot === undefined) {
      slot = this.keys.length;
      this.keys.push(key);
      this.others.set(key, slot);
    }
    return slot;
  }

  /** Twice the buckets, every string key placed again by its hash. */
  private grow(): void {
    const old = this.table;
    const hashes = this.hashes;
    const buckets = (this.mask + 1) * 2;
    const table = new Int32Array(buckets);
    const mask = buckets - 1;
    for (let at = 0; at < old.length; at++) {
      const entry = old[at]!;
      if (entry === 0) continue;
      let bucket = hashes[entry - 1]! & mask;
      while (table[bucket] !== 0) bucket = (bucket + 1) & mask;
      table[bucket] = entry;
    }
    this.table = table;
    this.mask = mask;
  }
}
