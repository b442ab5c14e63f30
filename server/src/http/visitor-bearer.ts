// The widget authenticates its visitor by the token in `Authorization: Bearer …` (never in a URL, which logs and
// referrers keep), on the site's allowed origins only.
import type { FastifyRequest } from 'fastify';

export const visitorBearer = (request: FastifyRequest): string | undefined =>
  request.headers.authorization?.match(/^Bearer ([A-Za-z0-9_-]{16,128})$/)?.[1];
