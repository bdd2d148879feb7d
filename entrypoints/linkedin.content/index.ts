/**
 * Relay inside LinkedIn's post composer: suggested posts, live guideline hints, and the share
 * logged when a composer holding Relay content is published. Everything site-specific is in
 * entrypoints/linkedin.content/adapter.ts. This script is the small part every LinkedIn page loads (it finds
 * composers and detects publishing); the UI and the guideline checker are in
 * entrypoints/linkedin-composer-ui.ts, loaded only when a composer has something to show.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startComposerFeature } from '../../components/composer/feature';
import { network } from '../../lib/networks';
import { linkedinAdapter } from './adapter';

export default defineContentScript({
  matches: [...network('linkedin').contentScriptMatches],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  // No window.postMessage to the page on start (WXT's coming default): the page's own message
  // listeners never hear from Relay, and it costs each page load about a millisecond and a half.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startComposerFeature(ctx, linkedinAdapter);
  },
});
