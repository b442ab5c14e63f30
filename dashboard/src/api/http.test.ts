import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage } from './api-error.js';
import { request } from './http.js';
import { mockFetch } from '../test-utils/fetch-mock.js';

describe('request', () => {
  it('sends JSON same-origin and returns the parsed body', async () => {
    const { calls } = mockFetch({ 'POST /api/x': () => ({ body: { ok: 1 } }) });
    await expect(request('POST', '/api/x', { a: 1 })).resolves.toEqual({ ok: 1 });
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/x',
      body: { a: 1 },
      credentials: 'same-origin',
    });
  });

  it('turns an error body into an ApiError with code, message and details', async () => {
    mockFetch({
      'POST /api/x': () => ({
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
    const error = await request('POST', '/api/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', message: 'Invalid body' });
    expect(errorMessage(error)).toBe('Invalid body: email bad');
  });

  it('gives a generic error when the body is not ours', async () => {
    mockFetch({ 'GET /api/x': () => ({ status: 502, body: undefined }) });
    await expect(request('GET', '/api/x')).rejects.toMatchObject({ status: 502, code: 'internal' });
  });

  it('resolves undefined for 204', async () => {
    mockFetch({ 'POST /api/auth/logout': () => ({ status: 204 }) });
    await expect(request('POST', '/api/auth/logout')).resolves.toBeUndefined();
  });
});
