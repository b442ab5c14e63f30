// A fetch stand-in that routes "METHOD /path" to handlers and records every call.
import { afterEach, vi } from 'vitest';
import type { ErrorCode } from '@livechat/shared/protocol/constants';

afterEach(() => {
  vi.unstubAllGlobals();
});

export interface Call {
  method: string;
  url: string;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export type Handler = (
  call: Call,
) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>;

export function mockFetch(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const call: Call = {
      method,
      url,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      credentials: init?.credentials,
    };
    calls.push(call);
    const path = url.split('?')[0]!;
    const handler = routes[`${method} ${url}`] ?? routes[`${method} ${path}`];
    const { status = 200, body } = handler ? await handler(call) : { status: 404, body: notFound };
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fn);
  return { calls, fn };
}

const notFound = { error: { code: 'not_found', message: 'No such route in the test' } };

/** An error body as the server sends it: the code must be one of the catalogue's. */
export function apiError(status: number, code: ErrorCode, message: string) {
  return { status, body: { error: { code, message } } };
}
