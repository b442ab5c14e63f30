// The webhook transport: one POST over node:http(s), connecting through the address guard's `lookup` (so the socket
// goes to exactly the addresses that were checked), never following a redirect, one connection per delivery.
import http from 'node:http';
import https from 'node:https';
import { hostOf, isObviouslyInternal, RefusedAddressError, type AddressGuard } from './address-guard.js';

export interface PostRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/** Sends the request; resolves with the receiver's status code (the answer's body is not read). */
export type Post = (request: PostRequest) => Promise<number>;

/** `guard` null: any address may be reached (WEBHOOKS_ALLOW_PRIVATE_NETWORKS). */
export function createHttpPost(guard: AddressGuard | null): Post {
  return ({ url, headers, body, signal }) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return Promise.reject(new RefusedAddressError(`${target.protocol} is not http(s)`));
    // An address written in the URL is connected to without a lookup: check it here (as when it was saved).
    if (guard && isObviouslyInternal(url, guard))
      return Promise.reject(new RefusedAddressError(`${hostOf(url)} is not an address webhooks may reach`));
    const client = target.protocol === 'https:' ? https : http;
    return new Promise<number>((resolve, reject) => {
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          signal,
          agent: false,
          ...(guard && { lookup: guard.lookup }),
        },
        (response) => {
          resolve(response.statusCode ?? 0);
          // The body is not used; closing the connection frees it at once, however much the receiver sends.
          response.destroy();
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  };
}
