/** One value per post: keyed by (content, network), so any number of networks keep apart. */
import type { Network } from '../schemas';

export class PerPost<T> {
  private readonly byContent = new Map<string, Partial<Record<Network, T>>>();

  get(contentId: string, network: Network): T | undefined {
    return this.byContent.get(contentId)?.[network];
  }

  /** The content's values by network, to read and write (one lookup for both). */
  row(contentId: string): Partial<Record<Network, T>> {
    let row = this.byContent.get(contentId);
    if (row === undefined) {
      row = {};
      this.byContent.set(contentId, row);
    }
    return row;
  }

  forEach(visit: (value: T) => void): void {
    for (const row of this.byContent.values()) {
      for (const network in row) {
        const value = row[network as Network];
        if (value !== undefined) visit(value);
      }
    }
  }
}
