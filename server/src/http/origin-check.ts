// CSRF defence for cookie-authenticated calls: a browser request that changes state must come from the dashboard's
// origin. It applies to every non-safe request whatever its path spelling (`/%61pi/…`, `//api/…`, an unmatched
// path): only routes listed in CROSS_ORIGIN_ROUTES, by their matched pattern, take state-changing calls from elsewhere.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { sendError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `METHOD /matched/:pattern` of routes that customer pages or other servers may call with a foreign Origin: the SMS
 * provider's webhooks, which authenticate by their signature. (The widget's only HTTP route is a GET, and visitors
 * write over the WebSocket, whose upgrade checks the site's allowed origins.) A route added here must authenticate
 * by something a browser does not attach on its own.
 */
export const CROSS_ORIGIN_ROUTES: ReadonlySet<string> = new Set<string>([
  'POST /webhooks/twilio/messages',
  'POST /webhooks/twilio/status',
  // The widget's uploads: the visitor's Bearer token, and the site's allowed origins.
  'POST /api/widget/files',
]);

/** Sec-Fetch-Site values that prove the request did not come from another page (sent by every current browser). */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

function isCrossOriginRoute(request: FastifyRequest): boolean {
  const pattern = request.routeOptions.url;
  return pattern !== undefined && CROSS_ORIGIN_ROUTES.has(`${request.method} ${pattern}`);
}

export function registerOriginCheck(app: FastifyInstance, dashboardOrigins: readonly string[]): void {
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || isCrossOriginRoute(request)) return;
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!dashboardOrigins.includes(origin))
        return sendError(reply, ErrorCode.OriginNotAllowed, `Origin ${origin} is not allowed.`);
      return;
    }
    // Browsers send Origin on every POST, PUT, PATCH and DELETE; without one, a browser's own Sec-Fetch-Site still
    // tells another page's request. Tools that send neither (curl, server-to-server) are not CSRF vectors.
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string' && !OWN_FETCH_SITES.has(site))
      return sendError(reply, ErrorCode.OriginNotAllowed, 'Requests from other sites are not allowed.');
  });
}
