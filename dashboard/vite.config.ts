// Builds the agent dashboard into dashboard/dist; the server serves it at its root, same origin as the API.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where `vite dev` forwards API and socket calls (the server's default PORT). */
const devServer = process.env.LIVECHAT_DEV_SERVER ?? 'http://127.0.0.1:8787';

export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: devServer },
      '/ws': { target: devServer.replace(/^http/, 'ws'), ws: true },
    },
  },
});
