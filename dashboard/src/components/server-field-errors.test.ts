import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/index.js';
import { serverFieldErrors } from './server-field-errors.js';

describe('serverFieldErrors', () => {
  it("matches the server's detail paths to the form's fields", () => {
    const error = new ApiError(400, 'invalid_request', 'The request is invalid.', [
      { path: 'body.url', message: 'Invalid URL' },
      { path: 'body.events.0', message: 'Invalid option' },
      { path: 'body.events.1', message: 'second' },
      { path: 'body', message: 'whole body' },
      { path: 'query.kind', message: 'elsewhere' },
    ]);
    expect(serverFieldErrors(error, ['url', 'events', 'kind'] as const)).toEqual({
      url: 'Invalid URL',
      events: 'Invalid option',
    });
  });

  it('finds nothing in other errors', () => {
    expect(serverFieldErrors(new Error('x'), ['url'])).toEqual({});
    expect(serverFieldErrors(new ApiError(409, 'conflict', 'Taken'), ['url'])).toEqual({});
  });
});
