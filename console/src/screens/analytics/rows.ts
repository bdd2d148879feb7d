/** The analytics tables' rows: every network of the registry (0 where it had no shares), top advocates, top posts. */
import { NETWORKS, network } from '../../../../lib/networks';
import { labelOf } from '../../networks';
import type { Analytics } from '../../types';
import type { CountsRow } from './CountsTable';

const TOP = 10;

/** Every network in the registry's order once any has shares, then any the console doesn't know yet. */
export function networkRows(perNetwork: Analytics['perNetwork']): CountsRow[] {
  if (perNetwork.length === 0) return [];
  const byId = new Map<string, { shares: number; clicks: number }>(perNetwork.map((row) => [row.network, row]));
  const known: string[] = NETWORKS;
  const rows = NETWORKS.map((id) => ({
    key: id,
    name: network(id).label,
    shares: byId.get(id)?.shares ?? 0,
    clicks: byId.get(id)?.clicks ?? 0,
  }));
  const others = perNetwork
    .filter((row) => !known.includes(row.network))
    .map((row) => ({ key: row.network, name: labelOf(row.network), shares: row.shares, clicks: row.clicks }));
  return [...rows, ...others];
}

/** The `TOP` with the most shares (then clicks). */
export function top<T extends { shares: number; clicks: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.shares - a.shares || b.clicks - a.clicks).slice(0, TOP);
}
