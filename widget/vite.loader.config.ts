// Builds dist/widget.js: the loader, a classic script (IIFE) that host pages embed with <script async>.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { inlineProtocolConstants } from './vite.inline-constants.js';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  plugins: [inlineProtocolConstants()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    lib: {
      entry: 'src/loader.ts',
      formats: ['iife'],
      // Required by Vite for IIFE; the loader exports nothing, so no global is created.
      name: 'LiveChatLoader',
      fileName: () => 'widget.js',
    },
  },
});
