// The demo customer website, on its own port (a different origin from the chat server), embedding the built widget
// exactly as a site owner would: one script tag pointing at the chat server.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.DEMO_PORT ?? 8080);
const serverUrl = new URL(process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 8787}`).origin;
const siteKey = process.env.DEMO_SITE_KEY ?? 'demo-site-key';
const template = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-site/index.html'),
  'utf8',
);
const page = template.replaceAll('{{SERVER_URL}}', serverUrl).replaceAll('{{SITE_KEY}}', siteKey);
/** The pricing page is the same page under its own title (the dashboard shows agents which page a visitor is on). */
const pricing = page.replace(/<title>[^<]*<\/title>/, '<title>Pricing — Acme Bikes</title>');

http
  .createServer((req, res) => {
    if (req.method !== 'GET' || !['/', '/index.html', '/pricing'].includes(req.url?.split('?')[0] ?? '')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(req.url?.startsWith('/pricing') ? pricing : page);
  })
  .listen(port, '127.0.0.1', () => {
    console.log(`  Demo site:        http://localhost:${port}  (embeds ${serverUrl}/widget.js)`);
  });
