// The production build: the server as plain JavaScript (server/dist/main.js), run with `node` and production
// dependencies only. @livechat/shared (TypeScript source) is bundled in; npm packages stay imports.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@livechat/'));

export default defineConfig({
  root: here,
  build: {
    ssr: 'src/main.ts',
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      external: (id) =>
        id.startsWith('node:') || external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { entryFileNames: 'main.js' },
    },
  },
  ssr: { noExternal: ['@livechat/shared'], target: 'node' },
  plugins: [
    {
      name: 'copy-migrations',
      // The bundle reads its SQL migrations from dist/migrations, beside main.js.
      closeBundle() {
        fs.cpSync(path.join(here, 'src/store/migrations'), path.join(here, 'dist/migrations'), {
          recursive: true,
        });
      },
    },
  ],
});
