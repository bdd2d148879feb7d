/**
 * The toolbar popup's entry: renders <App> against the background. `?post=<id>` (opened from a
 * notification) asks the list to scroll to that post.
 */
// First: it asks the background for the first page of posts before the rest of the popup loads.
import { popupClient } from './early';
import { render } from 'preact';
import { App } from '../../components/popup/App';
import './style.css';
// NetworkIcon's styles (components/shared/): imported by each app that shows network icons.
import '../../components/shared/network-icon.css';
import { ensureCatalog } from '../../components/shared/i18n';

const root = document.getElementById('app');
if (root) {
  const focusPostId = new URLSearchParams(location.search).get('post');
  // Its words first (at once, unless the browser has not handed them over yet).
  void ensureCatalog().then(() => {
    root.replaceChildren(); // drop the static "Loading Relay…" placeholder
    render(<App client={popupClient} focusPostId={focusPostId} />, root);
  });
}
