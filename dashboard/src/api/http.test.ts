import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage } from './api-error.js';
import { call, href } from './http.js';
import { routes } from './routes.js';
import { apiError, mockFetch } from '../test-utils/fetch-mock.js';
import { details } from '../test-utils/inbox-fixtures.js';
import { conversation } from '../test-utils/fixtures.js';

describe('call', () => {
  it('sends the body as JSON same-origin to the filled path and returns the parsed answer', async () => {
    const tagged = conversation({ id: 'a/b', tags: ['x'] });
    const { calls } = mockFetch({
      'PUT /api/conversations/a%2Fb/tags': () => ({ body: { conversation: tagged, extra: true } }),
    });
    await expect(call(routes.setTags, { params: { id: 'a/b' }, body: { tags: ['x'] } })).resolves.toEqual({
      conversation: tagged,
    });
    expect(calls[0]).toMatchObject({
      method: 'PUT',
      url: '/api/conversations/a%2Fb/tags',
      body: { tags: ['x'] },
      credentials: 'same-origin',
    });
  });

  it('sends saveDetails as {details}, the body the server validates', async () => {
    const { calls } = mockFetch({
      'PUT /api/conversations/c-1/details': ({ body }) => ({ body }),
    });
    const saved = details({ contactName: 'Ann' });
    await expect(
      call(routes.saveDetails, { params: { id: 'c-1' }, body: { details: saved } }),
    ).resolves.toEqual({
      details: saved,
    });
    expect(calls[0]!.body).toEqual({ details: saved });
  });

  it('refuses an answer that does not match the response schema with invalid_response and its paths', async () => {
    const { number: _, ...unnumbered } = conversation();
    mockFetch({ 'GET /api/conversations/c-1': () => ({ body: { conversation: unnumbered } }) });
    const error = await call(routes.conversation, { params: { id: 'c-1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
    expect((error as ApiError).details.map((d) => d.path)).toEqual(['conversation.number']);
  });

  it('turns an error body into an ApiError with code, message and details', async () => {
    mockFetch({
      'POST /api/conversations/c-1/notes': () => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_request',
            message: 'Invalid body',
            details: [{ path: 'email', message: 'bad' }],
          },
        },
      }),
    });
    const error = await call(routes.addNote, { params: { id: 'c-1' }, body: { body: '' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', message: 'Invalid body' });
    // What a person reads: the detail's own message, never its path.
    expect(errorMessage(error)).toBe('bad');
  });

  it('gives a generic error when the body is not ours, or its code is not in the catalogue', async () => {
    mockFetch({
      'GET /api/auth/me': () => ({ status: 502, body: undefined }),
      'GET /api/sites': () => ({
        status: 418,
        body: { error: { code: 'teapot', message: 'short and stout' } },
      }),
    });
    await expect(call(routes.me)).rejects.toMatchObject({ status: 502, code: 'internal' });
    await expect(call(routes.sites)).rejects.toMatchObject({ status: 418, code: 'http_error' });
  });

  it('resolves undefined for 204', async () => {
    mockFetch({ 'POST /api/auth/logout': () => ({ status: 204 }) });
    await expect(call(routes.logout)).resolves.toBeUndefined();
  });

  it('reports an unreachable server as network_error', async () => {
    mockFetch({ 'GET /api/auth/me': () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(call(routes.me)).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('sends the defined query values as text', async () => {
    const { calls } = mockFetch({ 'GET /api/conversations': () => ({ body: { conversations: [] } }) });
    await call(routes.conversations, { query: { folder: 'mine', q: '', from: 5 } });
    expect(calls[0]!.url).toBe('/api/conversations?folder=mine&from=5');
  });

  it('builds hrefs from a pattern', () => {
    expect(href('/api/records.csv', {}, { kind: 'deal' })).toBe('/api/records.csv?kind=deal');
    expect(() => href('/api/x/:id')).toThrow(/missing path parameter id/);
  });

  it('rejects at compile time a body or parameters the endpoint does not declare', () => {
    mockFetch({});
    const calls = [
      // @ts-expect-error the server validates {details}, not the details object itself (issue 8, bug 1)
      () => call(routes.saveDetails, { params: { id: 'c-1' }, body: details() }),
      // @ts-expect-error the path has an :id
      () => call(routes.conversation),
      // @ts-expect-error a folder the server does not know
      () => call(routes.conversations, { query: { folder: 'archive' } }),
      // @ts-expect-error logout takes no body
      () => call(routes.logout, { body: {} }),
    ];
    expect(calls).toHaveLength(4);
  });
});

describe('apiError fixture', () => {
  it('is an error body the client reads', async () => {
    mockFetch({ 'GET /api/auth/me': () => apiError(401, 'unauthorized', 'Sign in first') });
    await expect(call(routes.me)).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });
});
