/** One value per post: keyed by (content, network), so any number of networks keep apart. */
import type { Network } from '../schemas';

export class PerPost<T> {
  private readonly byContent = new Map<string, Partial<Record<Network, T>>>();

  get(contentId: string, network: Network): T | undefined {
    return this.byContent.get(contentId)?.[network];
  }

  set(contentId: string, network: Network, value: T): void {
    const networks = this.byContent.get(contentId);
    if (networks) networks[network] = value;
    else this.byContent.set(contentId, { [network]: value } as Partial<Record<Network, T>>);
  }

  *values(): IterableIterator<T> {
    for (const networks of this.byContent.values()) {
      for (const value of Object.values(networks) as (T | undefined)[]) if (value !== undefined) yield value;
    }
  }
}
