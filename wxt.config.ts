import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import { firefoxDataCollectionPermissions } from './lib/data-collection';
import { allContentScriptMatches, COMPOSER_NETWORKS, network } from './lib/networks';
import { preactWithoutInnerHtml } from './scripts/vite/preact-without-inner-html';

/** The stand-in for twitter-text in the scripts of networks that need no weighted length (see the hook below). */
const TWITTER_TEXT_LITE = fileURLToPath(new URL('./components/composer/twitter-text-lite.ts', import.meta.url));
/** The content scripts' extension API: the browser's own, without webextension-polyfill. */
const NATIVE_BROWSER = fileURLToPath(new URL('./components/composer/native-browser.ts', import.meta.url));
/** An empty module for the ES2015 polyfills twitter-text imports. */
const NO_POLYFILL = fileURLToPath(new URL('./components/composer/no-polyfill.ts', import.meta.url));
/** The content scripts' serialize-error: the fields an error message needs, no set-up at load. */
const PLAIN_ERRORS = fileURLToPath(new URL('./components/composer/plain-errors.ts', import.meta.url));

/** Printed by every build without RELAY_SERVER_URL (`npm run build`, `build:firefox`, `zip`): nothing is baked in. */
export const NO_SERVER_URL_NOTE =
  'RELAY_SERVER_URL is unset: no server address is baked in, so advocates type it at setup. ' +
  'To bake it in: RELAY_SERVER_URL=https://relay.example.com npm run build (or build:firefox, zip).';

/** `alias` with `find` → `replacement` first, whichever form (object or array) it came in. */
function withAlias(alias: AliasOptions | undefined, find: RegExp, replacement: string): AliasOptions {
  const existing = Array.isArray(alias)
    ? alias
    : Object.entries(alias ?? {}).map(([key, value]) => ({ find: key, replacement: String(value) }));
  return [{ find, replacement }, ...existing];
}

/**
 * Whether a page script needs twitter-text's weighted length: it belongs to a network (its content
 * script `entrypoints/<id>.content`, or the composer UI script it loads, `<id>-composer-ui`) whose
 * length counting is 'twitter-weighted', or to no network the registry knows (kept whole, to be safe).
 */
function needsTwitterText(entrypoint: { name: string }): boolean {
  const owner = COMPOSER_NETWORKS.find((id) => entrypoint.name === id || entrypoint.name === `${id}-composer-ui`);
  return owner === undefined || network(owner).length.counting === 'twitter-weighted';
}

/**
 * The Relay extension. RELAY_SERVER_URL bakes a server URL in at build time (the setup screen then
 * shows it locked); enterprises can set it by policy instead (storage.managed, schema in
 * public/managed-schema.json).
 */
export default defineConfig({
  // RELAY_OUTPUT_DIR keeps test builds apart from the one `npm start` makes.
  outDir: process.env.RELAY_OUTPUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // `npm run zip` makes AMO's sources archive itself, from git's tracked files (scripts/zip-sources.ts):
  // WXT's would take the working tree, untracked and ignored files included.
  zip: { zipSources: false },
  imports: false,
  vite: () => ({
    // AMO's linter: no innerHTML assignment in the bundles (scripts/vite/preact-without-inner-html.ts).
    plugins: [preact(), preactWithoutInnerHtml()],
    define: {
      __RELAY_SERVER_URL__: JSON.stringify(process.env.RELAY_SERVER_URL ?? ''),
    },
  }),
  hooks: {
    'build:done'(wxt) {
      if (wxt.config.command === 'build' && !process.env.RELAY_SERVER_URL) wxt.logger.warn(NO_SERVER_URL_NOTE);
    },
    // The content scripts (and the composer UI scripts they load) run in the networks' pages, so
    // their size counts. They use the browser's own extension API (they only send messages), not
    // webextension-polyfill. The guideline checker counts hashtags with twitter-text (about 37 KB
    // gzipped), which only networks counting length the twitter-text way (X) need whole: the
    // others' scripts get a small extractor that gives the same tags. twitter-text also imports
    // core-js 2 polyfills no supported browser needs: left out of every bundle, the background's
    // too (core-js finds the global object with a Function constructor, which AMO's linter reports).
    // @webext-core/messaging's serialize-error gets a small stand-in (components/composer/plain-errors.ts).
    'vite:build:extendConfig'(entrypoints, config) {
      const inPages = (entrypoint: { type: string }) =>
        entrypoint.type === 'content-script' || entrypoint.type === 'unlisted-script';
      let alias = withAlias(config.resolve?.alias, /^core-js\/modules\/(es6|es7|web)\.[\w.-]+$/, NO_POLYFILL);
      if (!entrypoints.every(inPages)) {
        config.resolve = { ...config.resolve, alias };
        return;
      }
      alias = withAlias(alias, /^webextension-polyfill$/, NATIVE_BROWSER);
      alias = withAlias(alias, /^serialize-error$/, PLAIN_ERRORS);
      if (!entrypoints.some(needsTwitterText)) {
        alias = withAlias(alias, /^twitter-text$/, TWITTER_TEXT_LITE);
      }
      config.resolve = { ...config.resolve, alias };
    },
  },
  manifest: ({ browser }) => ({
    // The name and description in the browser's language (public/_locales/<lang>/messages.json).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // identity: "Sign in with your work account" (identity.launchWebAuthFlow); Chrome shows no
    // install warning for it (only identity.email would add one).
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'identity'],
    // The sites the content scripts run on (the same install warning): the background injects the
    // composer UI script into them when a composer needs it. Networks shared through their intent
    // alone (e.g. Facebook) need none.
    host_permissions: allContentScriptMatches(),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'relay@relay.invalid',
              strict_min_version: '142.0',
              // Firefox's built-in consent (desktop 140+, Android 142+, hence 142.0 above): the
              // categories and why each applies are in lib/data-collection.ts, which the popup's
              // "What Relay collects" shows too.
              data_collection_permissions: firefoxDataCollectionPermissions(),
            },
          },
        }
      : { minimum_chrome_version: '116', storage: { managed_schema: 'managed-schema.json' } }),
    action: { default_title: 'Relay' },
  }),
});
