// Serves the built dashboard at / and the widget's two scripts, which customer sites load cross-origin.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const WIDGET_FILES = new Set(['widget.js', 'widget-chat.js']);

export async function registerStaticRoutes(
  app: FastifyInstance,
  dirs: { dashboardDir: string; widgetDir: string },
) {
  await app.register(fastifyStatic, {
    root: [dirs.dashboardDir, dirs.widgetDir],
    prefix: '/',
    index: 'index.html',
    setHeaders(reply, filePath) {
      if (WIDGET_FILES.has(path.basename(filePath))) {
        void reply.header('access-control-allow-origin', '*');
        void reply.header('cross-origin-resource-policy', 'cross-origin');
        void reply.header('cache-control', 'public, max-age=300');
      }
    },
  });
}
