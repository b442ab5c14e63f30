// Builds dist/widget-chat.js: the chat panel as an ES module (preact bundled), imported by the loader on first open,
// and the features that can wait as chunks beside it (widget-files.js, widget-voice.js, widget-emoji.js), which
// widget-chat.js imports on first use by URLs relative to its own; they import preact and the rest back from it.
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
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: { minify: true, comments: false, chunkFileNames: 'widget-[name].js' },
    },
  },
});
