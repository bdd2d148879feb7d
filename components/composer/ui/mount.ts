/**
 * Mounts a composer's UI in an open shadow root of its own (the page's CSS can't reach it, ours
 * can't leak), next to the composer. The anchor is an Element, not a selector: WXT's autoMount
 * resolves selectors with document.querySelector, which can't see into LinkedIn's shadow root.
 * Keyboard events stay inside (the sites' shortcuts don't fire while typing in the search box).
 * Beside the UI, the same shadow root holds the layer the marks over the editor's words are drawn in.
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
  let layer: HTMLElement | null = null;
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: UI_HOST_NAME,
    mode: 'open',
    position: 'inline',
    anchor: element,
    append,
    css: COMPOSER_CSS,
    isolateEvents: true,
    onMount(container) {
      const app = document.createElement('div');
      layer = document.createElement('div');
      layer.className = 'relay-marks';
      layer.setAttribute('aria-hidden', 'true');
      container.append(app, layer);
      render(h(ComposerUi, { store: session.store, actions: session }), app);
      return app;
    },
    onRemove(app) {
      if (app) render(null, app);
    },
  });
  ui.mount();
  if (!layer) throw new Error('the composer UI did not mount');
  return { host: ui.shadowHost, layer, remove: () => ui.remove() };
}
