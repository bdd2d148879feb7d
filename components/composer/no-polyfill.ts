/**
 * Stands in for twitter-text's core-js 2 polyfill imports (ES2015 array, object, regexp and string
 * methods) in every bundle (content scripts and background): every browser Relay supports has them
 * natively (wxt.config.ts).
 */
export {};
