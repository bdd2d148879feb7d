/**
 * Stands in for twitter-text's core-js 2 polyfill imports (ES2015 array, object, regexp and string
 * methods) in content scripts: every browser Relay supports has them natively (wxt.config.ts).
 */
export {};
