// Serves the built dashboard at / and the widget's scripts, which customer sites load cross-origin: the loader, the
// chat panel, and the chunks the panel imports on first use (files, voice, emoji, languages).
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** widget.js, widget-chat.js, widget-<chunk>.js: every script of the widget's build, and nothing else. */
const WIDGET_SCRIPT = /^widget(-[a-z-]+)?\.js$/;

export async function registerStaticRoutes(
  app: FastifyInstance,
  dirs: { dashboardDir: string; widgetDir: string },
) {
  await app.register(fastifyStatic, {
    root: [dirs.dashboardDir, dirs.widgetDir],
    prefix: '/',
    index: 'index.html',
    setHeaders(reply, filePath) {
      const fromWidget = path.dirname(filePath) === path.resolve(dirs.widgetDir);
      if (fromWidget && WIDGET_SCRIPT.test(path.basename(filePath))) {
        void reply.header('access-control-allow-origin', '*');
        void reply.header('cross-origin-resource-policy', 'cross-origin');
        void reply.header('cache-control', 'public, max-age=300');
      }
    },
  });
}
