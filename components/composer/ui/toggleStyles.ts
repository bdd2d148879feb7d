/**
 * The CSS of the "Suggested posts" button and what it stands on (the host's place in the page, the
 * colours, light and dark): shared by the full composer UI (styles.ts) and the stand-in button the
 * always-loaded content script shows before the UI script is loaded (components/composer/stand-in.ts),
 * so the two look the same and the swap can't be seen.
 */
export const TOGGLE_CSS = `
:host { display: block !important; margin: 4px 0 !important; }
.relay {
  --relay-accent: #5b3cc4;
  --relay-fg: #1d1d1f;
  --relay-muted: #5f6368;
  --relay-bg: #ffffff;
  --relay-border: #d5d7db;
  --relay-error: #b3261e;
  --relay-warning: #8a5a00;
  --relay-info: #1a5fb4;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--relay-fg);
}
@media (prefers-color-scheme: dark) {
  .relay {
    --relay-accent: #b9a6ff;
    --relay-fg: #ececf1;
    --relay-muted: #a9abb2;
    --relay-bg: #1f2023;
    --relay-border: #3c3f45;
    --relay-error: #ff8a80;
    --relay-warning: #ffc95c;
    --relay-info: #8ab4f8;
  }
}
button { font: inherit; cursor: pointer; }
button:disabled { cursor: default; opacity: 0.6; }
button:focus-visible, input:focus-visible { outline: 2px solid var(--relay-accent); outline-offset: 1px; }
.relay-toggle {
  display: inline-flex; align-items: center; gap: 6px;
  padding: 3px 10px 3px 4px; border-radius: 999px;
  border: 1px solid var(--relay-border); background: var(--relay-bg); color: var(--relay-fg);
}
.relay-toggle[aria-expanded="true"] { border-color: var(--relay-accent); }
.relay-mark {
  display: inline-grid; place-items: center; width: 18px; height: 18px; border-radius: 50%;
  background: var(--relay-accent); color: var(--relay-bg); font-weight: 700; font-size: 11px;
}
.relay-count { color: var(--relay-muted); font-variant-numeric: tabular-nums; }
`;
