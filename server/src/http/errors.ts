// One error handler: every failure leaves as {error:{code,message,details?}} with a catalogued code; 5xx never leak internals.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CATALOGUE } from '@livechat/shared/protocol';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { ErrorBody } from '@livechat/shared/api';
import { DomainError } from '../domain/index.js';

type Details = NonNullable<ErrorBody['error']['details']>;

export function sendError(reply: FastifyReply, code: ErrorCode, message: string, details?: Details) {
  const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}) } };
  return reply.code(ERROR_CATALOGUE[code].status).send(body);
}

/** Fastify's own client errors, by their error code. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ErrorCode.PayloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ErrorCode.InvalidRequest,
  FST_ERR_CTP_EMPTY_JSON_BODY: ErrorCode.InvalidRequest,
  FST_ERR_CTP_INVALID_JSON_BODY: ErrorCode.InvalidRequest,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ErrorCode.InvalidRequest,
  FST_ERR_VALIDATION: ErrorCode.InvalidRequest,
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const details = error.field ? [{ path: `body.${error.field}`, message: error.message }] : undefined;
      return sendError(reply, error.code, error.message, details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return sendError(reply, ErrorCode.InvalidRequest, 'The request is invalid.', details);
    }
    if (error.statusCode === 429)
      return sendError(reply, ErrorCode.RateLimited, 'Too many requests; try again later.');
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(reply, mapped, error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, ErrorCode.InvalidRequest, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, ErrorCode.Internal, 'Something went wrong on our side.');
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, ErrorCode.NotFound, `No route for ${request.method} ${request.url.split('?')[0]}`),
  );
}
