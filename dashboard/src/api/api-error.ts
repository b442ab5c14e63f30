// Every failed HTTP call becomes an ApiError carrying the server's stable error code (or one of the client's own).
import { ErrorBodySchema } from '@livechat/shared/api';
import type { ErrorCode } from '@livechat/shared/protocol/constants';

export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * The server's catalogued codes, and the client's own: the server was unreachable, answered something that is not
 * an error body, or answered a success the client's schema cannot read.
 */
export type ApiErrorCode = ErrorCode | 'network_error' | 'http_error' | 'invalid_response';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads an error body of the shared shape; anything else (a proxy's HTML page, no body) gets a generic error. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details = [] } = parsed.data.error;
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'http_error', `Request failed (HTTP ${status})`);
}

/** A sentence to show a person, for any thrown value: the details' own messages (never their paths), or the message. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && error.details.length > 0) {
    return [...new Set(error.details.map((d) => d.message))].join(' ');
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
