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

/** Per cell (content slot × width + network column): the chosen share's index + 1 (0: none yet), and its time. */
interface Cells {
  best: Int32Array;
  bestAt: Float64Array;
}

// The loops below are functions of their own, and return only what existed before the loop: so
// the loop is optimised (while the first call runs it) with nothing after it that the first call
// has not reached, which would undo the optimisation.

/** The one pass over the log: fills `cells` (growing them as contents come), returns how many got a share. */
function chooseCells<S extends Share>(
  shares: readonly S[],
  timeOf: (share: S) => number,
  networks: readonly string[],
  slots: StringSlots,
  cells: Cells,
): number {
  const width = Math.max(1, networks.length);
  let best = cells.best;
  let bestAt = cells.bestAt;
  let capacity = best.length / width;
  let picked = 0;
  for (let index = 0; index < shares.length; index++) {
    const share = shares[index]!;
    const column = columnOf(networks, share.network);
    if (column < 0) continue;
    const slot = slots.add(share.contentId);
    if (slot === capacity) {
      capacity *= 2;
      cells.best = new Int32Array(capacity * width);
      cells.best.set(best);
      best = cells.best;
      cells.bestAt = new Float64Array(capacity * width);
      cells.bestAt.set(bestAt);
      bestAt = cells.bestAt;
    }
    const cell = slot * width + column;
    const at = timeOf(share);
    const current = best[cell]! - 1;
    if (current < 0) picked++;
    if (
      current < 0 ||
      at < bestAt[cell]! ||
      (at === bestAt[cell] && share.personalized === true && shares[current]!.personalized !== true)
    ) {
      best[cell] = index + 1;
      bestAt[cell] = at;
    }
  }
  return picked;
}

type Picks = Pick<FirstShares, 'picks' | 'times' | 'slots' | 'columns'>;

/** Fills `out` with the picks in cell order; from then on a cell holds its pick's position + 1 (for find). */
function listPicks(cells: Cells, cellCount: number, width: number, out: Picks): Picks {
  const { best, bestAt } = cells;
  const { picks, times, slots, columns } = out;
  let next = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    if (best[cell] === 0) continue;
    picks[next] = best[cell]! - 1;
    times[next] = bestAt[cell]!;
    slots[next] = (cell / width) | 0;
    columns[next] = cell % width;
    next++;
    best[cell] = next;
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
  const width = Math.max(1, networks.length);
  // Room for every share to be a post of its own, up to a million contents; past that it grows.
  const capacity = Math.max(16, Math.min(shares.length, 1 << 20));
  const slots = new StringSlots(capacity);
  const cells = { best: new Int32Array(capacity * width), bestAt: new Float64Array(capacity * width) };
  const picked = chooseCells(shares, timeOf, networks, slots, cells);
  const out = {
    picks: new Int32Array(picked),
    times: new Float64Array(picked),
    slots: new Int32Array(picked),
    columns: new Int32Array(picked),
  };
  listPicks(cells, slots.size * width, width, out);
  const best = cells.best;
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
      return best[slot * width + column]! - 1;
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
