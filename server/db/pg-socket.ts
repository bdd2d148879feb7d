/** Cutting a node-postgres client's connection without waiting on the network. */
import type pg from 'pg';

/**
 * Cuts a node-postgres client's socket at once (its socket is not part of the typed API): a query
 * waiting on a silent network fails now, where end() would wait for an answer that never comes.
 */
export function cutConnection(client: pg.ClientBase): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}
