/**
 * Mounts a composer's UI in an open shadow root of its own (the page's CSS can't reach it, ours
 * can't leak), next to the composer. The anchor is an Element, not a selector: WXT's autoMount
 * resolves selectors with document.querySelector, which can't see into LinkedIn's shadow root.
 * Keyboard events stay inside (the sites' shortcuts don't fire while typing in the search box).
 */
import { h, render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ComposerUi } from './ComposerUi';
import { COMPOSER_CSS } from './styles';
import { UI_HOST_NAME } from '../types';
import type { ComposerSession, MountedUi } from './session';

export async function mountComposerUi(ctx: ContentScriptContext, session: ComposerSession): Promise<MountedUi> {
  const { element, append } = session.composer.anchor;
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: UI_HOST_NAME,
    mode: 'open',
    position: 'inline',
    anchor: element,
    append,
    css: COMPOSER_CSS,
    isolateEvents: true,
    onMount(container) {
      render(h(ComposerUi, { store: session.store, actions: session }), container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return { host: ui.shadowHost, remove: () => ui.remove() };
}
