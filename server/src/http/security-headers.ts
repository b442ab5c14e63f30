// Security headers on every response, set by one plugin (helmet): a strict CSP the built dashboard passes (it has no
// inline scripts or styles), no framing by any page, no MIME sniffing, no referrer to other origins. The widget's
// scripts, which customer sites load cross-origin, override the resource policy in static-routes.ts.
import type { FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  // data: for icons inlined in stylesheets; blob: for a picture previewed before it is uploaded.
  'img-src': ["'self'", 'data:', 'blob:'],
  // blob: for a voice note played back before it is sent.
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  // 'self' covers the agent WebSocket only in browsers with CSP level 3; the ws(s) origins are added per install.
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** `http://host:port` -> `ws://host:port` (and https -> wss): where the dashboard opens its socket. */
export const socketOrigin = (origin: string) => origin.replace(/^http/, 'ws');

/**
 * The ws(s) sources for connect-src. CSP's host-source grammar has no IPv6 literals: Chromium reports
 * `ws://[::1]:8787` as an invalid source on every page, so such origins are left to 'self'.
 */
export const socketSources = (origins: readonly string[]) =>
  origins.filter((origin) => !new URL(origin).hostname.startsWith('[')).map(socketOrigin);

export async function registerSecurityHeaders(
  app: FastifyInstance,
  publicUrl: string,
  dashboardOrigins: readonly string[],
): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      // upgrade-insecure-requests is left out: a plain-http install (localhost, a LAN) would break its own assets.
      directives: {
        ...CONTENT_SECURITY_POLICY,
        'connect-src': [...CONTENT_SECURITY_POLICY['connect-src'], ...socketSources(dashboardOrigins)],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS means something only over https; on plain http browsers ignore it.
    strictTransportSecurity: publicUrl.startsWith('https:')
      ? { maxAge: 31_536_000, includeSubDomains: false }
      : false,
    // The dashboard opens no cross-origin windows it needs to script.
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
