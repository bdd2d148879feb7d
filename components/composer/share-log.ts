/** What the content script sends once a publish was confirmed: one share per Relay post the composer held. */
import { sendMessage } from '../shared/messaging';
import type { ComposerNetwork, PublishSnapshot } from './types';

/** Logs the shares of a confirmed publish with the background; settles when every send did. */
export async function sendShares(network: ComposerNetwork, snapshot: PublishSnapshot): Promise<void> {
  const sends = snapshot.contentIds.map((contentId) =>
    sendMessage('composerShare', {
      shareId: crypto.randomUUID(),
      contentId,
      network,
      personalized: snapshot.personalized,
    }),
  );
  await Promise.allSettled(sends);
}
