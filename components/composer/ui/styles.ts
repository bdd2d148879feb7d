/**
 * The composer UI's CSS, injected into its own shadow root (after WXT's `:host { all: initial }`
 * reset), so the sites' styles can't change it and it can't change theirs. Light and dark follow
 * the system; the UI is compact and sits in the composer's flow (no overlay to clip or hide).
 */
import { TOGGLE_CSS } from './toggleStyles';

export const COMPOSER_CSS = `
${TOGGLE_CSS}
html, body { display: block; margin: 0; padding: 0; }
.relay-panel {
  margin-top: 6px; padding: 8px; max-height: 320px; overflow: auto;
  border: 1px solid var(--relay-border); border-radius: 8px; background: var(--relay-bg);
}
.relay-panel-head { display: flex; gap: 6px; align-items: center; position: sticky; top: -8px; background: var(--relay-bg); padding-bottom: 6px; }
.relay-search {
  flex: 1; min-width: 0; padding: 5px 8px; font: inherit; color: var(--relay-fg);
  background: var(--relay-bg); border: 1px solid var(--relay-border); border-radius: 6px;
}
.relay-close { border: 0; background: none; color: var(--relay-muted); font-size: 18px; line-height: 1; padding: 2px 6px; }
.relay-items { list-style: none; margin: 0; padding: 0; }
.relay-item { display: flex; gap: 8px; align-items: center; padding: 6px 0; border-top: 1px solid var(--relay-border); }
.relay-item:first-child { border-top: 0; }
.relay-item-main { flex: 1; min-width: 0; }
.relay-item-title { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.relay-tags { margin: 2px 0 0; display: flex; flex-wrap: wrap; gap: 4px; }
.relay-tag { color: var(--relay-muted); font-size: 12px; }
.relay-insert {
  padding: 3px 12px; border-radius: 999px; border: 1px solid var(--relay-accent);
  background: var(--relay-accent); color: var(--relay-bg); font-weight: 600;
}
.relay-empty, .relay-notice { margin: 4px 0; color: var(--relay-muted); }
.relay-notice { color: var(--relay-error); }
.relay-hints ul { list-style: none; margin: 6px 0 0; padding: 0; display: grid; gap: 4px; }
.relay-hint { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; padding-left: 8px; border-left: 3px solid var(--relay-info); }
.relay-hint--error { border-left-color: var(--relay-error); }
.relay-hint--warning { border-left-color: var(--relay-warning); }
.relay-hint-severity { font-weight: 700; font-size: 11px; text-transform: uppercase; color: var(--relay-info); }
.relay-hint--error .relay-hint-severity { color: var(--relay-error); }
.relay-hint--warning .relay-hint-severity { color: var(--relay-warning); }
.relay-hint-message { flex: 1 1 200px; }
.relay-fix {
  padding: 1px 10px; border-radius: 999px; border: 1px solid var(--relay-border);
  background: var(--relay-bg); color: var(--relay-fg);
}
.relay-visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
`;
