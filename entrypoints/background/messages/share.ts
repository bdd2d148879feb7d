/**
 * share: a share button in the popup opens the network's intent with this advocate's text and
 * link. A network with a composer content script (LinkedIn, X) logs the share when the post is
 * published there; for the others (Facebook, Bluesky, Threads) the click is logged as the share.
 */
import { z } from 'zod';
import { shareIntentUrl } from '../../../lib/intents';
import { isComposerNetwork } from '../../../lib/networks';
import { networkSchema } from '../../../lib/schemas';
import type { ShareResult } from '../../../components/shared/views';
import { getMeta } from '../db';
import { recordShare } from '../outbox';
import { suggestion } from '../suggestion';
import { defineMessage } from './define';

export const share = defineMessage({
  request: z.object({ contentId: z.string().min(1).max(64), network: networkSchema }).strict(),
  from: ['popup'],
  invalid: (): ShareResult => ({ ok: false, message: 'That share request is not valid.' }),
  async handle(request, { bg }): Promise<ShareResult> {
    const [item, enrollment, guidelines] = await Promise.all([
      bg.db.content.get(request.contentId),
      getMeta(bg.db, 'enrollment'),
      getMeta(bg.db, 'guidelines'),
    ]);
    if (!item || !enrollment) return { ok: false, message: 'This post is no longer available. Refresh and try again.' };
    const network = request.network;
    if (!item.networks.includes(network)) return { ok: false, message: `This post is not meant for ${network}.` };
    const { text, link } = suggestion(item, network, enrollment.advocate.id, guidelines);
    const url = shareIntentUrl(network, text, link);
    if (isComposerNetwork(network)) {
      // LinkedIn and X open their composer prefilled: the composer content script logs the share
      // when the post is published, not when the intent opens.
      await bg.port.openTab(url);
      return { ok: true, url };
    }
    const local = await recordShare(bg.db, { contentId: item.id, network, source: 'popup' });
    await bg.port.openTab(url);
    void bg.flush();
    bg.port.broadcastChanged();
    return { ok: true, url, shareId: local.id };
  },
});
