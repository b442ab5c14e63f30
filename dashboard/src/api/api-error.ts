// Every failed HTTP call becomes an ApiError carrying the server's stable error code.

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads an `{error:{code,message,details}}` body; anything else (a proxy's HTML page, no body) gets a generic error. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: unknown } | null)?.error;
  if (error && typeof error === 'object') {
    const { code, message, details } = error as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(status, code, message, Array.isArray(details) ? details.filter(isDetail) : []);
    }
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'http_error', `Request failed (HTTP ${status})`);
}

function isDetail(d: unknown): d is ErrorDetail {
  return !!d && typeof (d as ErrorDetail).path === 'string' && typeof (d as ErrorDetail).message === 'string';
}

/** A message to show a person, for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && error.details.length > 0) {
    return `${error.message}: ${error.details.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('; ')}`;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
