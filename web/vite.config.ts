// Builds the browser UI from web/ into web/dist, which src/http/plugins/static-web.ts serves.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Each built file also as .gz and .br, made once here; the server sends the one the browser
  // accepts (@fastify/static's preCompressed). API answers are never compressed (ARCHITECTURE.md).
  plugins: [
    react(),
    compression({ algorithms: ['gzip', 'brotliCompress'], include: /\.(js|css|svg)$/ }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The strict CSP allows no inline script or style, so never inline assets as data: scripts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
