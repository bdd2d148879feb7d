/** The counted share of each post (content × network): its earliest, a personalised one first at equal times; one pass, no object per post. */
import { StringSlots } from './string-slots';

/** The shares that count, found by firstShares. */
export interface FirstShares {
  /** Indices into the input of the counted shares, content by content in the order first seen. */
  readonly picks: Int32Array;
  /** The time of each pick (as `timeOf` read it), in the same order. */
  readonly times: Float64Array;
  /** The content slot of each pick (see slotOf), in the same order. */
  readonly slots: Int32Array;
  /** The network of each pick, as its index in `networks`, in the same order. */
  readonly columns: Int32Array;
  /** The networks taken (firstShares' `networks`, or those of the log). */
  readonly networks: readonly string[];
  /** How many distinct contents have a pick. */
  readonly contents: number;
  /** The slot (0 … contents − 1) of a content with a counted share, or -1. */
  slotOf(contentId: string): number;
  /** The position in `picks` of the counted share of this content on this network, or -1. */
  find(contentId: string, network: string): number;
}

interface Share {
  contentId: string;
  network: string;
  personalized?: boolean;
}

/** The networks that occur in the log, in the order first seen. */
function networksIn(shares: readonly Share[]): string[] {
  const seen = new Set<string>();
  for (const share of shares) seen.add(share.network);
  return [...seen];
}

/** The index of `network` in `networks` (the last, should it be there twice), or -1. */
function columnOf(networks: readonly string[], network: string): number {
  for (let column = networks.length - 1; column >= 0; column--) if (networks[column] === network) return column;
  return -1;
}

/**
 * The choices so far: one entry per content and network with a share (in the order made), chained
 * per content slot in network-column order. Four small columns and a head per slot, instead of a
 * cell for every slot and network (most contents are shared on one network): a quarter of the
 * memory to touch, and listing the picks walks the entries made, not every cell.
 */
interface Choices {
  /** Per slot: its first entry + 1 (0: none yet). */
  head: Int32Array;
  /** Per entry: the chosen share's index (after listPicks: its position among the picks). */
  share: Int32Array;
  /** Per entry: the chosen share's time. */
  at: Float64Array;
  /** Per entry: the network column. */
  column: Int32Array;
  /** Per entry: the next entry of the same slot + 1 (0: the last). */
  next: Int32Array;
}

// The loops below are functions of their own, and return only what existed before the loop: so
// the loop is optimised (while the first call runs it) with nothing after it that the first call
// has not reached, which would undo the optimisation.

/** The one pass over the log: fills `choices` (growing the heads as contents come), returns how many entries it made. */
function chooseShares<S extends Share>(
  shares: readonly S[],
  timeOf: (share: S) => number,
  networks: readonly string[],
  slots: StringSlots,
  choices: Choices,
): number {
  let head = choices.head;
  const { share: chosen, at: chosenAt, column: columns, next } = choices;
  let made = 0;
  for (let index = 0; index < shares.length; index++) {
    const share = shares[index]!;
    const column = columnOf(networks, share.network);
    if (column < 0) continue;
    const slot = slots.add(share.contentId);
    if (slot === head.length) {
      choices.head = new Int32Array(head.length * 2);
      choices.head.set(head);
      head = choices.head;
    }
    const at = timeOf(share);
    // The slot's entries, in column order: the one of this column, or where it goes.
    let before = -1;
    let entry = head[slot]! - 1;
    while (entry >= 0 && columns[entry]! < column) {
      before = entry;
      entry = next[entry]! - 1;
    }
    if (entry >= 0 && columns[entry] === column) {
      const current = chosen[entry]!;
      if (
        at < chosenAt[entry]! ||
        (at === chosenAt[entry] && share.personalized === true && shares[current]!.personalized !== true)
      ) {
        chosen[entry] = index;
        chosenAt[entry] = at;
      }
      continue;
    }
    chosen[made] = index;
    chosenAt[made] = at;
    columns[made] = column;
    next[made] = entry + 1;
    if (before < 0) head[slot] = made + 1;
    else next[before] = made + 1;
    made++;
  }
  return made;
}

type Picks = Pick<FirstShares, 'picks' | 'times' | 'slots' | 'columns'>;

/** Fills `out` with the picks, slot by slot and column by column; from then on an entry's `share` is its pick's position (for find). */
function listPicks(choices: Choices, contents: number, out: Picks): Picks {
  const { head, share, at, column, next: after } = choices;
  const { picks, times, slots, columns } = out;
  let next = 0;
  for (let slot = 0; slot < contents; slot++) {
    for (let entry = head[slot]! - 1; entry >= 0; entry = after[entry]! - 1) {
      picks[next] = share[entry]!;
      times[next] = at[entry]!;
      slots[next] = slot;
      columns[next] = column[entry]!;
      share[entry] = next;
      next++;
    }
  }
  return out;
}

/**
 * For each content and network among `networks` (every network in the log when omitted), the share
 * that counts: the earliest by `timeOf`, and at equal times a personalised one before one that is
 * not, else the first in the log (compareShares' order within one post). Shares on other networks
 * are skipped. The work is one hash-table lookup per share; the choices live in typed arrays.
 */
export function firstShares<S extends Share>(
  shares: readonly S[],
  timeOf: (share: S) => number,
  networks: readonly string[] = networksIn(shares),
): FirstShares {
  // Room for every share to be a post of its own, up to a million contents; past that it grows.
  const capacity = Math.max(16, Math.min(shares.length, 1 << 20));
  const slots = new StringSlots(capacity);
  // At most one entry per share.
  const entries = Math.max(1, shares.length);
  const choices: Choices = {
    head: new Int32Array(capacity),
    share: new Int32Array(entries),
    at: new Float64Array(entries),
    column: new Int32Array(entries),
    next: new Int32Array(entries),
  };
  const picked = chooseShares(shares, timeOf, networks, slots, choices);
  const out = {
    picks: new Int32Array(picked),
    times: new Float64Array(picked),
    slots: new Int32Array(picked),
    columns: new Int32Array(picked),
  };
  listPicks(choices, slots.size, out);
  const { head, share: position, column: entryColumn, next } = choices;
  return {
    picks: out.picks,
    times: out.times,
    slots: out.slots,
    columns: out.columns,
    networks,
    contents: slots.size,
    slotOf: (contentId) => slots.slotOf(contentId),
    find(contentId, network) {
      const slot = slots.slotOf(contentId);
      const column = columnOf(networks, network);
      if (slot < 0 || column < 0) return -1;
      for (let entry = head[slot]! - 1; entry >= 0; entry = next[entry]! - 1) {
        if (entryColumn[entry] === column) return position[entry]!;
      }
      return -1;
    },
  };
}

/** The counted shares themselves (firstShares' picks) and the counted share of a post on a network. */
export function pickShares<S extends Share>(
  shares: readonly S[],
  timeOf: (share: S) => number,
  networks?: readonly string[],
): { counted: S[]; find: (contentId: string, network: string) => S | undefined } {
  const first = firstShares(shares, timeOf, networks);
  const counted = Array.from(first.picks, (index) => shares[index]!);
  return {
    counted,
    find: (contentId, network) => {
      const position = first.find(contentId, network);
      return position < 0 ? undefined : counted[position];
    },
  };
}
