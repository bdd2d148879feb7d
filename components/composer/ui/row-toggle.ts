/**
 * The "Suggested posts" button in a composer's toolbar row (`Composer.toggle`, X), once the UI is
 * in: the stand-in the page's script put there (or a new one), kept in step with the UI's store
 * (how many posts, whether the panel is open) and the site's theme. The panel and hints stay at
 * the composer's anchor; only they move the page, and only when asked for.
 */
import { mountStandIn, type StandIn } from '../stand-in';
import type { Composer, SessionEnv } from '../types';
import { guarded } from '../warn';
import type { ComposerUiActions, ComposerUiState } from './session';
import type { Store } from './store';

export class RowToggle {
  private button: StandIn | null;
  private readonly stops: (() => void)[];
  private readonly toggle: () => void;

  /** Takes the button from the UI (`rowToggle`) and follows `store` from now on. */
  constructor(
    private readonly composer: Composer,
    standIn: StandIn | null,
    private readonly theme: SessionEnv['theme'],
    private readonly store: Store<ComposerUiState>,
    actions: Pick<ComposerUiActions, 'togglePanel'>,
  ) {
    this.toggle = () => actions.togglePanel();
    this.button = standIn;
    this.button?.setAction(this.toggle);
    // Before following the store: the button is kept until the store's posts say otherwise.
    store.set({ rowToggle: true });
    this.stops = [
      theme.subscribe(guarded('Following the site theme', (next) => this.button?.setTheme(next))),
      store.subscribe(guarded('Showing the button', () => this.sync())),
    ];
  }

  /** Shows the button while there are posts to suggest, with their number and the panel's state. */
  private sync(): void {
    const { items, panelOpen } = this.store.get();
    if (items.length === 0) {
      this.button?.remove();
      this.button = null;
      return;
    }
    this.button ??= mountStandIn(this.composer, items.length, this.theme.value, undefined, this.toggle);
    this.button.setCount(items.length);
    this.button.setExpanded(panelOpen);
  }

  get host(): Element | null {
    return this.button?.host ?? null;
  }

  keepMounted(): void {
    this.button?.keepMounted();
  }

  remove(): void {
    for (const stop of this.stops) stop();
    this.button?.remove();
    this.button = null;
  }
}
