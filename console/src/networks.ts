/** The network registry (lib/networks.ts) as the console uses it: variants and labels (lengths: lib/guidelines' postLength). */
import { NETWORKS, TEXT_NETWORKS, isNetwork, network, type TextNetwork } from '../../lib/networks';

/** A post's variants for one network (none when it has none). */
export function variantsOf(variants: object | undefined, id: TextNetwork): string[] {
  return (variants as Partial<Record<string, string[]>> | undefined)?.[id] ?? [];
}

/** Every variant of a post, network after network. */
export function allVariants(variants: object | undefined): string[] {
  return TEXT_NETWORKS.flatMap((id) => variantsOf(variants, id));
}

/** A network's name; an id this console doesn't know (a newer server's) as it is. */
export function labelOf(id: string): string {
  return isNetwork(id) ? network(id).label : id;
}

/** "LinkedIn, X": the networks of a post, in the registry's order. */
export function labelsOf(ids: readonly string[]): string {
  return NETWORKS.filter((id) => ids.includes(id))
    .map((id) => network(id).label)
    .join(', ');
}
