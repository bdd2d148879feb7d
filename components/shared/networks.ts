/** The networks as the extension's apps show them, from the one registry (lib/networks.ts). */
import {
  NETWORKS,
  TEXT_NETWORKS,
  isNetwork,
  isTextNetwork,
  networkLabel,
  perNetwork,
  type Network,
  type TextNetwork,
} from '../../lib/networks';

export const NETWORK_ORDER: readonly Network[] = NETWORKS;

/** Networks whose share carries suggested text (the others, e.g. Facebook, take the link only). */
export const TEXT_NETWORK_ORDER: readonly TextNetwork[] = TEXT_NETWORKS;

export const NETWORK_LABEL: Record<Network, string> = perNetwork(networkLabel);

export { isNetwork, isTextNetwork };
