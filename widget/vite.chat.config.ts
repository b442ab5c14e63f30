// Builds dist/widget-chat.js: the chat panel as an ES module (preact bundled), imported by the loader on first open.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { inlineProtocolConstants } from './vite.inline-constants.js';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  plugins: [inlineProtocolConstants()],
  // Classic h() calls: smaller than the automatic runtime (no jsx-runtime module, no `children` keys).
  oxc: {
    jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' },
    jsxInject: "import { h, Fragment } from 'preact'",
  },
  build: {
    outDir: 'dist',
    // The loader build runs first and empties dist/.
    emptyOutDir: false,
    minify: true,
    lib: {
      entry: 'src/app.tsx',
      formats: ['es'],
      fileName: () => 'widget-chat.js',
    },
    // Lib mode keeps ES output readable (for other bundlers); this file goes straight to browsers, so minify fully.
    rolldownOptions: { output: { minify: true, comments: false } },
  },
});
