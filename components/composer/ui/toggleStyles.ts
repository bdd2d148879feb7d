/**
 * The CSS of the "Suggested posts" button and what it stands on (the host's place in the page, the
 * colours of the site's light and dark themes): shared by the full composer UI (styles.ts) and the
 * stand-in button the always-loaded content script shows before the UI script is loaded
 * (components/composer/stand-in.ts), so the two look the same and the swap can't be seen. The
 * theme is the SITE's (its host carries `data-relay-theme`, set from the adapter), never the
 * system's: a dark system on light LinkedIn gets the light colours.
 */
import { BRAND_COLOR, BRAND_COLOR_DARK, BRAND_TEXT, BRAND_TEXT_DARK } from '../../../lib/brand';

export const THEME_ATTRIBUTE = 'data-relay-theme';
/** On a host holding the button alone in the composer's toolbar row (stand-in.ts). */
export const PLACE_ATTRIBUTE = 'data-relay-place';

export const TOGGLE_CSS = `
:host { display: block !important; margin: 6px 0 !important; }
/* In the toolbar row: beside the site's Post button, as tall as the row already is. */
:host([${PLACE_ATTRIBUTE}="row"]) {
  display: flex !important; align-items: center !important; flex: 0 1 auto !important; min-width: 0 !important;
  margin: 0 !important; margin-inline: auto 10px !important;
}
:host([${PLACE_ATTRIBUTE}="row"]) .relay, :host([${PLACE_ATTRIBUTE}="row"]) .relay-toggle { min-width: 0; max-width: 100%; }
:host([${PLACE_ATTRIBUTE}="row"]) .relay-label { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
/* A phone's row has room for the mark and the count only; the name stays the button's. */
@media (max-width: 560px) { :host([${PLACE_ATTRIBUTE}="row"]) .relay-label { display: none; } }
:host {
  --relay-accent: ${BRAND_COLOR};
  --relay-on-accent: ${BRAND_TEXT};
  --relay-fg: #1d2226;
  --relay-muted: #5e6369;
  --relay-surface: #ffffff;
  --relay-hover: #eef6f5;
  --relay-chip: #eef0f2;
  --relay-border: #d9dcdf;
  --relay-error: #b3261e;
  --relay-warning: #8a5300;
  --relay-info: #1f5fa8;
  --relay-shadow: 0 6px 20px rgba(0, 0, 0, 0.1);
}
:host([${THEME_ATTRIBUTE}="dark"]) {
  --relay-accent: ${BRAND_COLOR_DARK};
  --relay-on-accent: ${BRAND_TEXT_DARK};
  --relay-fg: #e8eaed;
  --relay-muted: #aeb3b9;
  --relay-surface: #1f2428;
  --relay-hover: #163532;
  --relay-chip: #2c3237;
  --relay-border: #3a4147;
  --relay-error: #ff8f86;
  --relay-warning: #f2c14e;
  --relay-info: #8ab8ff;
  --relay-shadow: 0 6px 20px rgba(0, 0, 0, 0.45);
}
.relay {
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--relay-fg);
  padding: 0 var(--relay-inset-end, 0px) 0 var(--relay-inset-start, 0px);
}
button { font: inherit; cursor: pointer; }
button:disabled { cursor: default; opacity: 0.6; }
button:focus-visible, input:focus-visible { outline: 2px solid var(--relay-accent); outline-offset: 2px; }
.relay-toggle {
  display: inline-flex; align-items: center; gap: 6px;
  padding: 3px 10px 3px 4px; border-radius: 999px; font-weight: 600;
  border: 1px solid var(--relay-border); background: var(--relay-surface); color: var(--relay-fg);
}
.relay-toggle:hover { border-color: var(--relay-accent); }
.relay-toggle[aria-expanded="true"] { border-color: var(--relay-accent); background: var(--relay-hover); }
.logo { display: block; flex: none; }
.relay-count {
  min-width: 18px; padding: 0 5px; border-radius: 999px; text-align: center; font-size: 12px;
  background: var(--relay-chip); color: var(--relay-fg); font-variant-numeric: tabular-nums;
}
`;
