/** The admin console's entry: the remembered theme first (no flash), then the app. */
import { render } from 'preact';
import { App } from './App';
import { applyTheme, storedTheme } from './theme';
import './styles/index.css';

applyTheme(storedTheme());
const root = document.getElementById('app');
if (root) {
  root.replaceChildren(); // drop the static "Loading…" line
  render(<App />, root);
}
