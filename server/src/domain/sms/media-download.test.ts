// The media download over real sockets on 127.0.0.1: redirects followed with the Authorization header decided per
// hop, the address guard applied to every hop, the size cap and the time limit.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupFunction } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAddressGuard, RefusedAddressError, type AddressGuard } from '../webhooks/address-guard.js';
import { createDownloader, DownloadError } from './media-download.js';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

interface Seen {
  path: string;
  authorization: string | undefined;
}

/** A server on 127.0.0.1 answering by path; records what it was asked. */
async function serve(answer: (path: string, response: http.ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ path: request.url ?? '', authorization: request.headers.authorization });
    answer(request.url ?? '', response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

const open = createDownloader({ guard: null, timeoutMs: 1000, maxBytes: 1000 });
const none = () => null;

/** The failure a download ends with. */
async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const error = await promise.then(
    () => expect.unreachable('expected a failure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DownloadError);
  return error as DownloadError;
}

describe('downloading media', () => {
  it('follows redirects, deciding the Authorization header again for every hop', async () => {
    const cdn = await serve((_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end('bytes'));
    const api = await serve((_, res) =>
      res.writeHead(302, { location: `http://127.0.0.1:${cdn.port}/file` }).end(),
    );
    const apiOrigin = `http://127.0.0.1:${api.port}`;
    const got = await open(`${apiOrigin}/media`, (url) =>
      url.startsWith(apiOrigin) ? 'Basic secret' : null,
    );
    expect(got).toEqual({ bytes: Buffer.from('bytes'), contentType: 'image/png' });
    expect(api.seen).toEqual([{ path: '/media', authorization: 'Basic secret' }]);
    expect(cdn.seen).toEqual([{ path: '/file', authorization: undefined }]);
  });

  it('never sends credentials written into the URL', async () => {
    const host = await serve((_, res) => res.end('x'));
    await open(`http://user:pw@127.0.0.1:${host.port}/a`, none);
    expect(host.seen).toEqual([{ path: '/a', authorization: undefined }]);
  });

  it('stops at a cap on size, declared or not, at errors, loops and a slow answer', async () => {
    const host = await serve((path, res) => {
      if (path === '/big') return res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
      if (path === '/chunked') {
        res.writeHead(200);
        for (let i = 0; i < 20; i++) res.write('x'.repeat(100));
        return res.end();
      }
      if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (path === '/slow') return; // never answers
      res.writeHead(404).end();
    });
    const at = (path: string) => `http://127.0.0.1:${host.port}${path}`;
    expect(await failure(open(at('/big'), none))).toMatchObject({ reason: 'too_large' });
    expect(await failure(open(at('/chunked'), none))).toMatchObject({ reason: 'too_large' });
    expect(await failure(open(at('/missing'), none))).toMatchObject({
      reason: 'http_status',
      message: 'the provider answered HTTP 404',
    });
    expect(await failure(open(at('/loop'), none))).toMatchObject({ reason: 'redirects' });
    expect(await failure(open(at('/slow'), none))).toMatchObject({
      reason: 'timeout',
      message: 'it took longer than 1 s to download',
    });
  });

  it('with the guard on, refuses internal addresses in the URL, by name, and after a redirect', async () => {
    const guard = createAddressGuard({ resolve: async () => ['10.0.0.7'], ownAddresses: () => [] });
    const guarded = createDownloader({ guard, timeoutMs: 1000, maxBytes: 1000 });
    for (const url of [
      'http://127.0.0.1:1/x',
      'http://localhost:1/x',
      'http://[::1]:1/x',
      'http://intranet.example/x',
    ])
      expect(await failure(guarded(url, none)), url).toMatchObject({
        reason: 'refused_address',
        message: 'its address is not on the public internet',
      });

    // A public name (here: one the test resolves to 127.0.0.1) that redirects into the network: the hop is refused.
    const host = await serve((_, res) =>
      res.writeHead(302, { location: 'http://metadata.internal/latest' }).end(),
    );
    const lookup: LookupFunction = (hostname, options, callback) => {
      if (hostname !== 'media.example') return callback(new RefusedAddressError(`${hostname} refused`), '');
      if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    };
    const stub: AddressGuard = { refuses: () => false, lookup };
    const redirected = createDownloader({ guard: stub, timeoutMs: 1000, maxBytes: 1000 });
    expect(await failure(redirected(`http://media.example:${host.port}/x`, none))).toMatchObject({
      reason: 'refused_address',
    });
    expect(host.seen).toHaveLength(1);
    // Only http(s) is fetched, even after a redirect.
    expect(await failure(open('file:///etc/passwd', none))).toMatchObject({ reason: 'refused_address' });
  });
});
