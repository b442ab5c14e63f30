// The one place that calls fetch. Each call names an endpoint declared with the server's own schemas: the body it
// sends has the type the server's schema accepts, and the answer is parsed with the schema the server answers with,
// so a disagreement between the apps is a compile error or an ApiError, never an object of the wrong shape.
import type { z } from '@livechat/shared/api';
import { ApiError, toApiError } from './api-error.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodType;

/** One server route: method and path pattern as the server registers them, and the schemas it validates with. */
export interface Endpoint {
  readonly method: Method;
  /** The route's pattern with ":name" path parameters, e.g. "/api/conversations/:id/details". */
  readonly path: string;
  /** The querystring schema; calls pass its parsed values, which are sent as text. */
  readonly query?: Schema;
  /** The request body schema; calls pass what it accepts (its input type). */
  readonly body?: Schema;
  /** The success answer's schema; null for 204 No Content. */
  readonly response: Schema | null;
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

// An endpoint without path parameters, body or query refuses them (`never`), so a stray body is a compile error.
type ParamsPart<E extends Endpoint> = [ParamNames<E['path']>] extends [never]
  ? { params?: never }
  : { params: Record<ParamNames<E['path']>, string> };
type BodyPart<E extends Endpoint> = E extends { body: infer B extends Schema }
  ? { body: z.input<B> }
  : { body?: never };
type QueryPart<E extends Endpoint> = E extends { query: infer Q extends Schema }
  ? { query?: Partial<z.output<Q>> }
  : { query?: never };

/** What a call of endpoint E takes: its path parameters, its body and its query, as the endpoint declares them. */
export type CallInput<E extends Endpoint> = ParamsPart<E> & BodyPart<E> & QueryPart<E>;
/** What a call of endpoint E resolves with: the parsed answer, or undefined for 204. */
export type CallOutput<E extends Endpoint> = E extends { response: infer R extends Schema }
  ? z.output<R>
  : undefined;
type CallArgs<E extends Endpoint> =
  Record<never, never> extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>];

interface LooseInput {
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, unknown>>;
  body?: unknown;
}

/** Calls `endpoint` and resolves with its answer parsed by the endpoint's response schema; rejects with ApiError. */
export async function call<E extends Endpoint>(endpoint: E, ...[input]: CallArgs<E>): Promise<CallOutput<E>> {
  const { params, query, body } = (input ?? {}) as LooseInput;
  const { status, data } = await send(endpoint.method, href(endpoint.path, params, query), body);
  if (endpoint.response === null) return undefined as CallOutput<E>;
  const parsed = endpoint.response.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(
      status,
      'invalid_response',
      'The server sent an answer this page cannot read. Reload the page.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data as CallOutput<E>;
}

/** A same-origin URL: the path pattern with its parameters encoded, then the defined, non-empty query values. */
export function href(
  pattern: string,
  params: Readonly<Record<string, string>> = {},
  query: Readonly<Record<string, unknown>> = {},
): string {
  const path = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${pattern}`);
    return encodeURIComponent(value);
  });
  const pairs = Object.entries(query).flatMap(([k, v]) =>
    typeof v === 'string' || typeof v === 'number' ? (v === '' ? [] : [[k, String(v)]]) : [],
  );
  return pairs.length === 0 ? path : `${path}?${new URLSearchParams(pairs).toString()}`;
}

async function send(method: Method, url: string, body: unknown): Promise<{ status: number; data: unknown }> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body instanceof Blob) {
    // Raw bytes (a picture): sent as they are, under their own type.
    init.headers = { accept: 'application/json', 'content-type': body.type || 'application/octet-stream' };
    init.body = body;
  } else if (body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection.');
  }
  const data = await readJson(res);
  if (!res.ok) throw toApiError(res.status, data);
  return { status: res.status, data };
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
