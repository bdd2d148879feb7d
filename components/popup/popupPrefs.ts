/** Small choices the popup remembers between openings (its own localStorage): never throws. */
import type { Network } from '../../lib/schemas';
import { isNetwork } from '../../lib/networks';

const UNSHARED_KEY = 'relay:filter-unshared';
const NETWORK_KEY = 'relay:preferred-network';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage off or full: the choice lasts until the popup closes.
  }
}

/** The "Not shared yet" filter. */
export const unsharedOnly = {
  read: (): boolean => read(UNSHARED_KEY) === '1',
  write: (on: boolean): void => write(UNSHARED_KEY, on ? '1' : null),
};

/** The network the advocate last shared on: the one a card offers first. */
export const preferredNetwork = {
  read: (): Network | null => {
    const value = read(NETWORK_KEY);
    return isNetwork(value) ? value : null;
  },
  write: (network: Network): void => write(NETWORK_KEY, network),
};
