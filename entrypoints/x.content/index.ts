/**
 * Relay inside X's post composers (x.com, twitter.com): suggested posts, live guideline hints,
 * and the share logged when a composer holding Relay content is published. Everything
 * site-specific is in entrypoints/x.content/adapter.ts. This script is the small part every X page loads (it
 * finds composers and detects publishing); the UI and the guideline checker (with twitter-text)
 * are in entrypoints/x-composer-ui.ts, loaded only when a composer has something to show.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startComposerFeature } from '../../components/composer/feature';
import { network } from '../../lib/networks';
import { xAdapter } from './adapter';

export default defineContentScript({
  matches: [...network('x').contentScriptMatches],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  // No window.postMessage to the page on start (WXT's coming default): the page's own message
  // listeners never hear from Relay, and it costs each page load about a millisecond and a half.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startComposerFeature(ctx, xAdapter);
  },
});
