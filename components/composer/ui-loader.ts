/**
 * Loads the UI script (suggested posts, hints, insertion; entrypoints/*-composer-ui.ts) the first
 * time a composer needs it: the background injects it into this frame, into the isolated world
 * this content script runs in, where it registers itself. Pages with no composer, or nothing to
 * show in one, never load it.
 */
import { sendMessage } from '../shared/messaging';
import { COMPOSER_UI_KEY, type ComposerNetwork, type ComposerUiModule } from './types';
import { warnOnce } from './warn';

let loading: Promise<ComposerUiModule | null> | undefined;

function registered(): ComposerUiModule | undefined {
  return (globalThis as { [COMPOSER_UI_KEY]?: ComposerUiModule })[COMPOSER_UI_KEY];
}

/** True once the UI script is in this world. */
export function uiLoaded(): boolean {
  return registered() !== undefined;
}

export function loadComposerUi(network: ComposerNetwork): Promise<ComposerUiModule | null> {
  const ready = registered();
  if (ready) return Promise.resolve(ready);
  loading ??= (async () => {
    try {
      const result = await sendMessage('loadComposerUi', { network });
      if (!result.ok) warnOnce(`could not load its composer UI: ${result.message}`);
    } catch (error) {
      warnOnce('could not load its composer UI.', error);
    }
    const module = registered() ?? null;
    // A failed load may be retried by a later composer.
    if (!module) loading = undefined;
    return module;
  })();
  return loading;
}
