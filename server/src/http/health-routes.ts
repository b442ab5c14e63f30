// What a load balancer polls. /api/health: the process answers (liveness). /api/ready: this node can serve now, so
// its database (and Redis, with several nodes) answers and it is not shutting down; 503 otherwise (readiness).
import type { FastifyInstance } from 'fastify';
import { ErrorCode, PROTOCOL_VERSION } from '@livechat/shared/protocol/constants';
import { sendError } from './errors.js';

export interface ReadinessChecks {
  /** The database answers a query. */
  database: () => Promise<void>;
  /** Redis answers (several nodes only). */
  redis?: () => Promise<void>;
  /** The node is shutting down. */
  closing: () => boolean;
}

const CHECK_TIMEOUT_MS = 2000;

const within = (check: () => Promise<void>) =>
  Promise.race([
    check(),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);

export function healthRoutes(checks: ReadinessChecks) {
  return async (app: FastifyInstance) => {
    app.get('/health', { schema: { tags: ['health'], summary: 'Liveness' } }, () => ({
      ok: true,
      version: PROTOCOL_VERSION,
    }));
    app.get(
      '/ready',
      { schema: { tags: ['health'], summary: 'Readiness: database (and Redis) answer, not shutting down' } },
      async (request, reply) => {
        if (checks.closing()) return sendError(reply, ErrorCode.NotReady, 'This node is shutting down.');
        try {
          await within(checks.database);
        } catch (err) {
          request.log.warn({ err }, 'readiness: database does not answer');
          return sendError(reply, ErrorCode.NotReady, 'The database does not answer.');
        }
        if (checks.redis) {
          try {
            await within(checks.redis);
          } catch (err) {
            request.log.warn({ err }, 'readiness: redis does not answer');
            return sendError(reply, ErrorCode.NotReady, 'Redis does not answer.');
          }
        }
        return { ok: true, version: PROTOCOL_VERSION };
      },
    );
  };
}
