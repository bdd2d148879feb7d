/**
 * The admin console: a Preact app built into console/dist and served by the API at /admin
 * under a strict Content-Security-Policy (script-src 'self', style-src 'self'). So: no inline
 * script (the module-preload polyfill is one, hence off), no inlined assets, CSS as files.
 *
 * `npm run build:admin` builds it; `npm run dev:admin` serves it with live reload and proxies the
 * API (/v1, /r) to RELAY_API_URL, default http://127.0.0.1:8787 (start that with `npm start`).
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.RELAY_API_URL || 'http://127.0.0.1:8787';

export default defineConfig({
  root,
  base: '/admin/',
  plugins: [preact()],
  // Vite would otherwise read .env files and public/ from console/: there are none.
  publicDir: false,
  envDir: false,
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inline assets would be data: URLs, and the polyfill an inline <script>: both off.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      // zod's sources carry comments Rollup can't place (harmless, and not ours to fix).
      onLog(level, log, handler) {
        if (log.code === 'INVALID_ANNOTATION' && log.id?.includes('/node_modules/')) return;
        handler(level, log);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    proxy: {
      '/v1': {
        target: api,
        changeOrigin: true,
        // The API answers admin calls from its own origin only: look like it.
        configure: (proxy) => proxy.on('proxyReq', (request) => request.setHeader('origin', api)),
      },
      '/r': { target: api, changeOrigin: true },
    },
  },
});
