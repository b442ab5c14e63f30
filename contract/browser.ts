// The dashboard's API client against the real server: a stand-in for the browser's fetch that routes each request
// into app.inject, with a cookie jar and the headers a browser adds to a same-origin request (Origin on writes,
// Sec-Fetch-Site). app.inject runs the whole request pipeline (origin check, auth, validation, serialization) without
// a port, so the suite stays fast and needs no network; cookies and Origin are what a real browser would add.
import { vi } from 'vitest';
import { testConfig } from '../server/src/config.js';
import type { makeApp } from '../server/test/helper.js';

/** The server's app (fastify itself is the server's dependency, not this folder's). */
export type App = Awaited<ReturnType<typeof makeApp>>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One signed-in (or not yet) browser: its own cookies, on the dashboard's origin. */
export class Browser {
  private readonly jar = new Map<string, string>();

  constructor(
    private readonly app: App,
    readonly origin = testConfig().publicUrl,
  ) {}

  /** The cookies this browser would send, for assertions. */
  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('/')) throw new Error(`the dashboard calls same-origin paths only, not ${url}`);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
    headers['sec-fetch-site'] = 'same-origin';
    if (!SAFE_METHODS.has(method)) headers.origin = this.origin;
    if (this.jar.size > 0) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(await payload(init.body)),
    });
    for (const c of res.cookies) {
      const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
      if (expired || c.value === '') this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    const out = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined || name === 'set-cookie') continue; // fetch never shows Set-Cookie to scripts
      for (const v of Array.isArray(value) ? value : [value]) out.append(name, String(v));
    }
    const nullBody = res.statusCode === 204 || res.statusCode === 304;
    return new Response(nullBody ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: out,
    });
  };
}

/** The dashboard sends JSON text, or a Blob's raw bytes (a picture). */
async function payload(body: RequestInit['body']): Promise<{ payload?: string | Buffer }> {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return { payload: body };
  if (body instanceof Blob) return { payload: Buffer.from(await body.arrayBuffer()) };
  throw new Error('the dashboard sends JSON text or a Blob only');
}

let current: Browser | null = null;

/** Routes the global fetch (the one the dashboard's client calls) to whichever browser `as` picked. */
export function installFetch(): void {
  const network = globalThis.fetch;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    // The server's own outbound calls (to a fake Twilio on loopback, in this process) go to the network.
    if (input instanceof URL && input.hostname === '127.0.0.1') return network(input, init);
    if (!current) throw new Error('no browser: wrap the call in as(browser, …)');
    return current.fetch(input, init);
  });
}

/** Runs dashboard client calls in `browser` (its cookies). Calls of different browsers must not overlap. */
export async function as<T>(browser: Browser, calls: () => Promise<T>): Promise<T> {
  const before = current;
  current = browser;
  try {
    return await calls();
  } finally {
    current = before;
  }
}
