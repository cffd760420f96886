import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API the dev server forwards to (`npm run dashboard:dev`); the API's own PORT by default.
const api = process.env.DASHBOARD_API_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  build: {
    outDir:
      process.env.DASHBOARD_OUT_DIR ??
      fileURLToPath(new URL('../../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    port: Number(process.env.DASHBOARD_DEV_PORT ?? 5173),
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/realtime': { target: api, ws: true, changeOrigin: true },
    },
  },
});
