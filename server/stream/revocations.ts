/**
 * Revocations reach this instance through the change feed (every instance, with PostgreSQL): the
 * advocate's live streams close with code 4401, their links leave the link directory and their
 * token the principal cache (which outages would otherwise believe). When the
 * feed may have missed some (null: its connection was lost for a while), every advocate with a
 * stream here is checked against the database.
 */
import type { Deps } from '../context';
import type { StreamHub } from './hub';

/** Advocate ids per query when checking connected advocates. */
const CHUNK = 500;

async function closeRevokedStreams(deps: Deps, hub: StreamHub): Promise<void> {
  const ids = hub.advocateIds();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await deps.db
      .selectFrom('advocates')
      .select('id')
      .where('id', 'in', chunk)
      .where('access_ended', 'is', null)
      .execute();
    const active = new Set(rows.map((row) => row.id));
    for (const id of chunk) if (!active.has(id)) hub.closeAdvocate(id);
  }
}

/** Acts on every revocation announced on the change feed; returns the unsubscribe. */
export function watchRevocations(deps: Deps, hub: StreamHub): () => void {
  return deps.changes.subscribeRevoked((advocateId) => {
    if (advocateId !== null) {
      hub.closeAdvocate(advocateId);
      deps.links.forgetAdvocate(advocateId);
      deps.principals.forgetAdvocate(advocateId);
      return;
    }
    deps.principals.clear();
    void deps.links.refreshAdvocates().catch(() => undefined);
    closeRevokedStreams(deps, hub).catch((error: unknown) =>
      console.error('stream: checking for revoked advocates failed:', (error as Error).message),
    );
  });
}
