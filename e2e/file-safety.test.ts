// Matrix row 21 in a real browser: whatever bytes a stored file holds, opening its URL runs nothing. An SVG with
// script (which uploads refuse, but which could reach the store another way) is served as a download under a sandbox,
// and an image that is also an HTML page is shown only as an image. A beacon on another port counts any script that
// ran.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { demoSite, login, makeApp } from '../server/test/helper.js';
import { comSegment, smallJpeg } from '../server/src/domain/media/image-fixtures.js';

let app: Awaited<ReturnType<typeof makeApp>>;
let browser: Browser;
let beacon: http.Server;
let hits: string[] = [];
let base = '';
let beaconUrl = '';

beforeAll(async () => {
  beacon = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  });
  await new Promise<void>((resolve) => beacon.listen(0, '127.0.0.1', resolve));
  beaconUrl = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
  app = await makeApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  beacon?.close();
});

/** A sent file in a visitor's conversation, its bytes put straight into the store (no upload check on the way). */
async function storedFile(
  bytes: Buffer,
  mime: string,
  kind: 'image' | 'file',
  name: string,
): Promise<string> {
  const site = await demoSite(app);
  const { visitor } = await app.domain.visitors.identify(site, undefined);
  const conversation = await app.domain.chat.startConversation(visitor);
  const id = `test${Math.random().toString(36).slice(2, 14)}`;
  await app.store.files.insert({
    id,
    siteId: site.id,
    uploader: { kind: 'visitor', id: visitor.id },
    uploadId: id,
    conversationId: conversation.id,
    messageId: null,
    name,
    mime,
    kind,
    size: bytes.length,
    voice: false,
    createdAt: Date.now(),
  });
  await app.store.files.attach([id], conversation.id, `message-${id}`);
  await app.sql.run('INSERT INTO file_blobs (key, bytes) VALUES (?, ?)', [id, bytes]);
  return base + app.domain.files.viewerUrl(id);
}

async function openAsAdmin(url: string) {
  const context = await browser.newContext({ acceptDownloads: true });
  const [name, value] = (await login(app)).split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const response = await page.goto(url).catch((error: Error) => error);
  await page.waitForTimeout(500);
  return { page, context, response, downloads };
}

describe('opening a stored file runs nothing', () => {
  it('an SVG with script is a download under a sandbox: no script runs', async () => {
    hits = [];
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg"><script>fetch('${beaconUrl}/svg-script-ran');` +
        `document.documentElement.setAttribute('data-ran','1')</script>` +
        `<image href="${beaconUrl}/svg-image-loaded"/></svg>`,
    );
    const url = await storedFile(svg, 'image/svg+xml', 'file', 'drawing.svg');
    const head = await fetch(url, { headers: { cookie: await login(app) } });
    expect(head.status, await head.clone().text()).toBe(200);
    expect(head.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(head.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(head.headers.get('x-content-type-options')).toBe('nosniff');

    const { context, downloads } = await openAsAdmin(url);
    expect(downloads).toEqual(['drawing.svg']);
    expect(hits).toEqual([]);
    await context.close();
  });

  it('an image that is also an HTML page shows as an image: its script never runs', async () => {
    hits = [];
    const polyglot = Buffer.from(
      smallJpeg(comSegment(`<html><body><script>fetch('${beaconUrl}/polyglot-ran')</script></body></html>`)),
    );
    const url = await storedFile(polyglot, 'image/jpeg', 'image', 'photo.jpg');
    const { page, context } = await openAsAdmin(url);
    // Chromium shows a lone image in a document of its own: one <img>, no script element from the file.
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    expect(await page.evaluate(() => document.images.length)).toBe(1);
    expect(hits).toEqual([]);
    await context.close();
  });

  it('a colleague without a session gets no file', async () => {
    const url = await storedFile(Buffer.from(smallJpeg()), 'image/jpeg', 'image', 'p.jpg');
    const res = await fetch(url);
    expect(res.status).toBe(401);
  });
});
