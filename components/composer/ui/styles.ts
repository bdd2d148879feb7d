/**
 * The composer UI's CSS, injected into its own shadow root (after WXT's `:host { all: initial }`
 * reset), so the sites' styles can't change it and it can't change theirs. Colours follow the
 * site's theme (toggleStyles.ts); the UI sits in the composer's flow, and only the marks over the
 * editor's words are positioned (a layer at the window's corner that takes no pointer events).
 */
import { TOGGLE_CSS } from './toggleStyles';

export const COMPOSER_CSS = `
${TOGGLE_CSS}
html, body { display: block; margin: 0; padding: 0; }
p { margin: 0; }
.relay-card {
  margin-top: 8px; border: 1px solid var(--relay-border); border-radius: 10px;
  background: var(--relay-surface); box-shadow: var(--relay-shadow);
}
.relay-panel { max-height: 340px; overflow: auto; }
.relay-panel-head {
  display: flex; gap: 6px; align-items: center; position: sticky; top: 0; z-index: 1;
  padding: 8px; background: var(--relay-surface); border-bottom: 1px solid var(--relay-border);
}
.relay-search {
  flex: 1; min-width: 0; padding: 6px 10px; font: inherit; color: var(--relay-fg);
  background: var(--relay-surface); border: 1px solid var(--relay-border); border-radius: 8px;
}
.relay-search::placeholder { color: var(--relay-muted); opacity: 1; }
.relay-close {
  border: 0; background: none; color: var(--relay-muted); font-size: 20px; line-height: 1;
  padding: 4px 8px; border-radius: 6px;
}
.relay-close:hover { background: var(--relay-hover); color: var(--relay-fg); }
.relay-items { list-style: none; margin: 0; padding: 4px; }
.relay-item {
  display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 12px; row-gap: 2px;
  padding: 8px 10px; border-radius: 8px;
}
.relay-item + .relay-item { margin-top: 2px; }
.relay-item:hover, .relay-item:focus-within { background: var(--relay-hover); }
.relay-item-title { font-weight: 600; overflow-wrap: anywhere; }
.relay-insert {
  grid-row: 1 / span 2; grid-column: 2; align-self: start;
  padding: 4px 14px; border-radius: 999px; border: 1px solid var(--relay-accent);
  background: var(--relay-accent); color: var(--relay-on-accent); font-weight: 600;
}
.relay-item-variant { font-size: 12px; color: var(--relay-muted); }
.relay-item-text {
  grid-column: 1 / -1; margin-top: 2px; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden;
}
.relay-tags { grid-column: 1 / -1; list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.relay-tag {
  font-size: 11px; line-height: 18px; padding: 0 8px; border-radius: 999px;
  background: var(--relay-chip); color: var(--relay-muted);
}
.relay-empty, .relay-notice { margin: 10px 12px; color: var(--relay-muted); }
.relay-notice { color: var(--relay-error); }
.relay-hints-head {
  display: flex; align-items: center; gap: 6px; padding: 8px 12px 6px;
  font-size: 12px; color: var(--relay-muted);
}
.relay-brand { font-weight: 700; color: var(--relay-fg); }
.relay-hints-summary::before { content: "·"; margin-right: 6px; }
.relay-hints ul { list-style: none; margin: 0; padding: 0 4px 4px; }
.relay-hint {
  --relay-severity: var(--relay-info);
  display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 4px 10px; align-items: baseline;
  padding: 6px 8px; border-radius: 6px;
}
.relay-hint--error { --relay-severity: var(--relay-error); }
.relay-hint--warning { --relay-severity: var(--relay-warning); }
.relay-severity {
  flex: none; font-size: 11px; font-weight: 700; line-height: 18px; padding: 0 7px; border-radius: 999px;
  color: var(--relay-severity); border: 1px solid currentColor;
}
.relay-hint-message { overflow-wrap: anywhere; }
.relay-fix {
  grid-column: 2; justify-self: start; margin-top: 2px;
  padding: 2px 12px; border-radius: 999px; border: 1px solid var(--relay-accent);
  background: var(--relay-surface); color: var(--relay-fg); font-weight: 600;
}
.relay-fix:hover { background: var(--relay-hover); }
.relay-marks { position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; pointer-events: none; z-index: 1; }
.relay-mark {
  --relay-severity: var(--relay-info);
  position: absolute; pointer-events: none; box-sizing: border-box; border-radius: 2px;
  border-bottom: 2px solid var(--relay-severity);
  background: color-mix(in srgb, var(--relay-severity) 16%, transparent);
}
.relay-mark--error { --relay-severity: var(--relay-error); }
.relay-mark--warning { --relay-severity: var(--relay-warning); }
.relay-visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
`;
