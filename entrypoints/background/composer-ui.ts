/**
 * Loading a site's composer UI script (entrypoints/*-composer-ui.ts) into the frame of the content
 * script that asks: only that site's script, only into a page of that site, so a message can't
 * get Relay's code injected anywhere else. The injection itself (browser.scripting) comes in from
 * the background's entry, so this can be tested without a browser.
 */
import { COMPOSER_NETWORKS, contentScriptHosts, type ComposerNetwork } from '../../lib/networks';
import type { LoadComposerUiResult } from '../../components/shared/views';
import type { InjectFile } from './messages/define';
import type { ComposerRequest } from './messages/composer-data';

/** Each composer network's UI script: entrypoints/<id>-composer-ui.ts. */
export const COMPOSER_UI_FILES = Object.fromEntries(
  COMPOSER_NETWORKS.map((id) => [id, `/${id}-composer-ui.js`]),
) as Record<ComposerNetwork, string>;

export interface MessageOrigin {
  tabId?: number;
  frameId?: number;
  url?: string;
}

export async function loadComposerUi(
  request: ComposerRequest,
  origin: MessageOrigin,
  inject: InjectFile,
): Promise<LoadComposerUiResult> {
  const network = request.network;
  let host = '';
  try {
    const url = new URL(origin.url ?? '');
    if (url.protocol === 'https:') host = url.hostname;
  } catch {
    host = '';
  }
  if (origin.tabId === undefined || !contentScriptHosts(network).includes(host)) {
    return { ok: false, message: `Only a ${network} page can load that.` };
  }
  try {
    await inject(origin.tabId, origin.frameId ?? 0, COMPOSER_UI_FILES[network]);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
