/**
 * The UI script's one job: leave its session factory where the content script finds it, in the
 * isolated world they share (never the page's). Running it twice changes nothing.
 */
import { COMPOSER_UI_KEY, type ComposerUiModule } from '../types';
import { ComposerSession } from './session';

export function registerComposerUi(): void {
  const world = globalThis as { [COMPOSER_UI_KEY]?: ComposerUiModule };
  world[COMPOSER_UI_KEY] ??= { createSession: (composer, env) => new ComposerSession(composer, env) };
}
