/**
 * The keys of each composer site's selector table (entrypoints/<site>.content/selectors.ts), for
 * the console's override forms, which import no extension code. tests/extension/selector-keys.test.ts
 * holds these lists to the tables: a key added there is added here.
 */
export const SITE_SELECTOR_KEYS = {
  linkedin: [
    'modalOutlet',
    'interopOutlet',
    'editor',
    'sharebox',
    'dialog',
    'postButton',
    'editorWrapper',
    'quillContainer',
    'footer',
    'toast',
    'sharedPostLink',
    'trigger',
  ],
  x: ['editor', 'editorHost', 'toolbar', 'postButton', 'primaryColumn', 'toast', 'postLink', 'trigger'],
} as const satisfies Record<'linkedin' | 'x', readonly string[]>;
