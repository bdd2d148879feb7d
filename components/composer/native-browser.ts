/**
 * Stands in for `webextension-polyfill` in the content scripts (wxt.config.ts aliases it there):
 * they only send messages and read runtime.id, which Chrome's MV3 `chrome.*` (promise-based) and
 * Firefox's `browser.*` do natively, so every LinkedIn and X page is spared the polyfill's
 * start-up. The background and the popup keep the polyfill.
 */
const globals = globalThis as { browser?: unknown; chrome?: unknown };

export default globals.browser ?? globals.chrome;
