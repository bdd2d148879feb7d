/** loadComposerUi: injects the site's composer UI script into the asking frame (../composer-ui.ts checks the site). */
import type { LoadComposerUiResult } from '../../../components/shared/views';
import { loadComposerUi as load } from '../composer-ui';
import { composerRequest } from './composer-data';
import { defineMessage } from './define';

export const loadComposerUi = defineMessage({
  request: composerRequest,
  from: ['content-script'],
  invalid: (): LoadComposerUiResult => ({ ok: false, message: 'That request is not valid.' }),
  handle: (request, { sender, inject }): Promise<LoadComposerUiResult> =>
    load(request, { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url }, inject),
});
