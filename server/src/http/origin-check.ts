// CSRF defence for cookie-authenticated calls: a browser request that changes state must come from the dashboard's origin.
import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { sendError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerOriginCheck(app: FastifyInstance, dashboardOrigins: readonly string[]): void {
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    // Browsers always send Origin on cross-site POSTs; tools without it are not CSRF vectors.
    if (origin !== undefined && !dashboardOrigins.includes(origin)) {
      return sendError(reply, ErrorCode.OriginNotAllowed, `Origin ${origin} is not allowed.`);
    }
  });
}
