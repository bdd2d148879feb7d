import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * The Relay extension. RELAY_SERVER_URL bakes a server URL in at build time (the setup screen then
 * shows it locked); enterprises can set it by policy instead (storage.managed, schema in
 * public/managed-schema.json).
 */
export default defineConfig({
  // RELAY_OUTPUT_DIR keeps test builds apart from the one `npm start` makes.
  outDir: process.env.RELAY_OUTPUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  zip: { excludeSources: ['data/**', 'test-results/**', 'playwright-report/**', 'coverage/**', '.ci/**'] },
  imports: false,
  vite: () => ({
    plugins: [preact()],
    define: {
      __RELAY_SERVER_URL__: JSON.stringify(process.env.RELAY_SERVER_URL ?? ''),
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Relay',
    description: 'Share approved company news on LinkedIn and X in your own words, right where you post.',
    permissions: ['storage', 'alarms', 'notifications'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'relay@relay.invalid', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : { minimum_chrome_version: '116', storage: { managed_schema: 'managed-schema.json' } }),
    action: { default_title: 'Relay' },
  }),
});
