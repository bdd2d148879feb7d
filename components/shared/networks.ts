/**
 * The networks as the popup shows them: display names and a fixed order (LinkedIn, X, Facebook).
 * Kept free of lib/schemas values so the popup bundle does not pull in zod.
 */
import type { Network, TextNetwork } from '../../lib/schemas';

export const NETWORK_ORDER: readonly Network[] = ['linkedin', 'x', 'facebook'];

/** Networks whose share carries suggested text (Facebook takes the link only). */
export const TEXT_NETWORK_ORDER: readonly TextNetwork[] = ['linkedin', 'x'];

export const NETWORK_LABEL: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' };

export function isNetwork(value: string): value is Network {
  return (NETWORK_ORDER as readonly string[]).includes(value);
}
