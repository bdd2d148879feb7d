/** Dense numbers (0, 1, 2, … in the order met) for days, as a Map<number, number> would give them: whole days in a small table on typed arrays, anything else in a Map. */

/**
 * Numbers days (days since the epoch) in the order they are met. A day that is a 32-bit integer
 * (every real one) lives in an open-addressing table keyed by the day itself, so the consecutive
 * days of a log never collide; any other number (NaN, ±Infinity, out of range) goes to a Map, which
 * compares as SameValueZero, as the table does (-0 is 0).
 */
export class DenseDays {
  /** Each day by its number, as first met. */
  readonly days: number[] = [];
  /** Per bucket: the day, and its number + 1 (0: an empty bucket). */
  private keys = new Int32Array(1024);
  private entries = new Int32Array(1024);
  private others: Map<number, number> | undefined;

  /** The number of `day`; a day not met before gets the next one. */
  indexOf(day: number): number {
    if ((day | 0) !== day) return this.other(day);
    const keys = this.keys;
    const entries = this.entries;
    const mask = keys.length - 1;
    let bucket = day & mask;
    for (; ; bucket = (bucket + 1) & mask) {
      const entry = entries[bucket]!;
      if (entry === 0) break;
      if (keys[bucket] === day) return entry - 1;
    }
    const index = this.days.length;
    this.days.push(day);
    keys[bucket] = day;
    entries[bucket] = index + 1;
    if (index * 2 >= mask) this.grow();
    return index;
  }

  private other(day: number): number {
    this.others ??= new Map();
    let index = this.others.get(day);
    if (index === undefined) {
      index = this.days.length;
      this.days.push(day);
      this.others.set(day, index);
    }
    return index;
  }

  /** Twice the buckets, every day placed again. */
  private grow(): void {
    const oldKeys = this.keys;
    const oldEntries = this.entries;
    const size = oldKeys.length * 2;
    const mask = size - 1;
    this.keys = new Int32Array(size);
    this.entries = new Int32Array(size);
    for (let at = 0; at < oldKeys.length; at++) {
      if (oldEntries[at] === 0) continue;
      let bucket = oldKeys[at]! & mask;
      while (this.entries[bucket] !== 0) bucket = (bucket + 1) & mask;
      this.keys[bucket] = oldKeys[at]!;
      this.entries[bucket] = oldEntries[at]!;
    }
  }
}
