/**
 * Relay inside a site's composer: the "Suggested posts" button (only when there are posts to
 * suggest), its panel, and the guideline hints, lined up with the editor's text column. Everything
 * shown from the server is text.
 */
import { Logo } from '../../shared/Logo';
import type { ComposerUiActions, ComposerUiState } from './session';
import type { Store } from './store';
import { GuidelineHints } from './GuidelineHints';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useStore } from './useStore';
import { t } from '../../shared/i18n';

interface Props {
  store: Store<ComposerUiState>;
  actions: ComposerUiActions;
}

const PANEL_ID = 'relay-suggested-posts';

export function ComposerUi({ store, actions }: Props) {
  const state = useStore(store);
  const inset = { '--relay-inset-start': `${state.column.start}px`, '--relay-inset-end': `${state.column.end}px` };
  return (
    <div class="relay" style={inset}>
      {state.items.length > 0 && !state.rowToggle && (
        <button
          type="button"
          class="relay-toggle"
          aria-label={t('composer_suggested')}
          aria-expanded={state.panelOpen}
          aria-controls={PANEL_ID}
          aria-haspopup="dialog"
          aria-keyshortcuts="Alt+Shift+R"
          title={t('composer_toggle_title')}
          onClick={actions.togglePanel}
        >
          <Logo size={18} />
          <span class="relay-label" aria-hidden="true">
            {t('composer_suggested')}
          </span>
          <span class="relay-count" aria-hidden="true">
            {state.items.length}
          </span>
        </button>
      )}
      {state.panelOpen && state.items.length > 0 && (
        <SuggestionsPanel
          id={PANEL_ID}
          items={state.items}
          siteName={state.siteName}
          busy={state.busy}
          notice={state.notice}
          onInsert={actions.insert}
          onClose={() => actions.closePanel(true)}
        />
      )}
      <GuidelineHints hints={state.hints} onFix={actions.applyFix} />
    </div>
  );
}
