// Fetching a file at a URL someone else handed us (an incoming MMS's media): a GET through the webhooks' address guard
// (every hop's address is checked as it is connected to, so a redirect cannot lead into the server's own network),
// following a few redirects, within one time limit for the whole download and a size cap read as the bytes arrive.
// The Authorization header is decided again for every hop: a redirect elsewhere never carries it.
import http from 'node:http';
import https from 'node:https';
import { isObviouslyInternal, RefusedAddressError, type AddressGuard } from '../webhooks/address-guard.js';

export interface DownloadOptions {
  /** Null: any address may be reached (WEBHOOKS_ALLOW_PRIVATE_NETWORKS, tests). */
  guard: AddressGuard | null;
  /** For the whole download, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
}

export interface Downloaded {
  bytes: Buffer;
  /** As the answer declared it (the bytes decide the type later). */
  contentType: string | null;
}

export type DownloadFailure =
  'refused_address' | 'too_large' | 'timeout' | 'http_status' | 'network' | 'redirects';

/** Why a download failed, in coarse words fit to show (no addresses, no internals). */
export class DownloadError extends Error {
  constructor(
    readonly reason: DownloadFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** `authorizationFor(url)`: the Authorization header for that hop, or null for none. */
export type Download = (url: string, authorizationFor: (url: string) => string | null) => Promise<Downloaded>;

export function createDownloader({
  guard,
  timeoutMs,
  maxBytes,
  maxRedirects = 5,
}: DownloadOptions): Download {
  const megabytes = `${Math.floor(maxBytes / 1024 / 1024)} MB`;

  /** One GET; resolves with the answer's head, its body still to read. */
  function get(
    target: URL,
    authorization: string | null,
    signal: AbortSignal,
  ): Promise<http.IncomingMessage> {
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return Promise.reject(new DownloadError('refused_address', 'its address is not a web address'));
    // An address written in the URL is connected to without a lookup: checked here.
    if (guard && isObviouslyInternal(target.href, guard))
      return Promise.reject(
        new DownloadError('refused_address', 'its address is not on the public internet'),
      );
    const client = target.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(
        target,
        {
          method: 'GET',
          headers: { accept: '*/*', ...(authorization !== null && { authorization }) },
          signal,
          agent: false,
          ...(guard && { lookup: guard.lookup }),
        },
        resolve,
      );
      request.on('error', reject);
      request.end();
    });
  }

  async function readCapped(response: http.IncomingMessage): Promise<Buffer> {
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.destroy();
      throw new DownloadError('too_large', `it is larger than ${megabytes}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        throw new DownloadError('too_large', `it is larger than ${megabytes}`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  async function download(
    url: string,
    authorizationFor: (url: string) => string | null,
    signal: AbortSignal,
  ): Promise<Downloaded> {
    let target = new URL(url);
    for (let hop = 0; ; hop++) {
      // Credentials written into a URL are never sent (node would turn them into Basic auth).
      target.username = '';
      target.password = '';
      const response = await get(target, authorizationFor(target.href), signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.destroy();
        if (hop >= maxRedirects) throw new DownloadError('redirects', 'it was redirected too many times');
        if (!URL.canParse(location, target))
          throw new DownloadError('http_status', 'it was redirected to no valid address');
        target = new URL(location, target);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new DownloadError('http_status', `the provider answered HTTP ${status}`);
      }
      return { bytes: await readCapped(response), contentType: response.headers['content-type'] ?? null };
    }
  }

  return async (url, authorizationFor) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return await download(url, authorizationFor, signal);
    } catch (error) {
      if (error instanceof DownloadError) throw error;
      if (
        error instanceof RefusedAddressError ||
        (error instanceof Error && error.cause instanceof RefusedAddressError)
      )
        throw new DownloadError('refused_address', 'its address is not on the public internet');
      if (signal.aborted)
        throw new DownloadError('timeout', `it took longer than ${timeoutMs / 1000} s to download`);
      const code =
        error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
      throw new DownloadError(
        'network',
        code ? `it could not be downloaded (${code})` : 'it could not be downloaded',
      );
    }
  };
}
