// Files over HTTP: uploads (agents into a conversation; visitors from the widget, cross-origin with their token),
// serving a file at its signed URL to whoever may see it, the Gallery, and each site's file rules.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema,
  FileSettingsBodySchema,
  FileSettingsInputSchema,
  GalleryBodySchema,
  IdParamsSchema,
  UploadQuerySchema,
  UploadResponseSchema,
  VisitorUploadQuerySchema,
  WEB_MAX_FILE_BYTES,
} from '@livechat/shared/api';
import type { Site } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { KeyedLimit } from '../cluster/keyed-limit.js';
import type { Domain } from '../domain/index.js';
import { DomainError } from '../domain/index.js';
import type { FileViewer } from '../domain/media/files.js';
import { contentDisposition } from '../domain/media/file-name.js';
import { sendError } from './errors.js';
import { currentAgent, guards, sessionToken } from './session.js';

/** Room above the largest file for the request's own overhead; a bigger body is cut off while it arrives. */
const UPLOAD_BODY_LIMIT = WEB_MAX_FILE_BYTES + 64 * 1024;
/** Nothing uploaded may run as a page: no script, no plugins, no forms, not even same-origin as a document. */
// Sandboxed, the document's origin is opaque, so 'self' would not even match the image it shows: any image or media
// source is fine where no script can run.
const FILE_CSP = "default-src 'none'; img-src * data:; media-src * data:; style-src 'unsafe-inline'; sandbox";
/** The widget's preflight is answered once per hour per file URL at most. */
const PREFLIGHT_MAX_AGE = '3600';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  413: ErrorBodySchema,
  415: ErrorBodySchema,
  429: ErrorBodySchema,
};

export interface UploadLimits {
  perVisitor: KeyedLimit;
  perIp: KeyedLimit;
}

/** Bodies of these routes are the file's bytes, whatever Content-Type is claimed: the bytes decide. */
function takeRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: Error & { code?: string }, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(reply, ErrorCode.PayloadTooLarge, 'Files can be at most 25 MB.');
    throw error; // the app's handler
  });
}

function fileBytes(request: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(request.body) || request.body.length === 0)
    throw new DomainError(ErrorCode.InvalidRequest, 'Send the file as the request body; this one is empty.');
  return request.body;
}

/** CORS for the widget: only the site's allowed origins, never with cookies (it authenticates by its token). */
function allowSiteOrigin(reply: FastifyReply, domain: Domain, site: Site, origin: string | undefined): void {
  void reply.header('vary', 'Origin');
  if (origin === undefined) return;
  if (!domain.visitors.isOriginAllowed(site, origin))
    throw new DomainError(ErrorCode.OriginNotAllowed, 'This origin may not embed this site.');
  void reply
    .header('access-control-allow-origin', origin)
    .header('access-control-allow-headers', 'authorization, content-type')
    .header('access-control-allow-methods', 'GET, POST')
    .header('access-control-max-age', PREFLIGHT_MAX_AGE)
    // The file answer is read by the widget's fetch.
    .header('access-control-expose-headers', 'content-disposition, content-length');
}

const bearer = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer ([A-Za-z0-9_-]{16,128})$/);
  return match?.[1];
};

/** Agents upload into a conversation they may see (its channel's rules apply). */
export function agentUploadRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('onRequest', requireAgent); // before the body is read
    takeRawBodies(app);
    app.post(
      '/:id/files',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags: ['files'],
          summary:
            'Upload a file to send in this conversation: the raw bytes as the body; then message.send with its id',
          params: IdParamsSchema,
          querystring: UploadQuerySchema,
          consumes: ['application/octet-stream'],
          response: { 200: UploadResponseSchema, 201: UploadResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const agent = currentAgent(request);
        const conversation = await domain.chat.agentConversation(agent, request.params.id);
        const { name, upload, voice } = request.query;
        const file = await domain.files.upload(
          { kind: 'agent', agent, conversation },
          { bytes: fileBytes(request), name, uploadId: upload, voice: voice === '1' },
          conversation.channel,
        );
        return reply.code(201).send({ file });
      },
    );
  };
}

/** Visitors upload from the widget on the site's pages: cross-origin, with their token, rate-limited. */
export function visitorUploadRoutes(domain: Domain, limits: UploadLimits): FastifyPluginAsyncZod {
  return async (app) => {
    takeRawBodies(app);
    app.options(
      '/files',
      { schema: { hide: true, querystring: z.object({ siteKey: z.string().max(64) }).partial() } },
      async (request, reply) => {
        const site = request.query.siteKey ? await domain.visitors.siteByKey(request.query.siteKey) : null;
        if (!site) throw new DomainError(ErrorCode.UnknownSite, 'No site has this key.');
        allowSiteOrigin(reply, domain, site, request.headers.origin);
        return reply.code(204).send();
      },
    );
    app.post(
      '/files',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags: ['widget'],
          summary:
            "A visitor uploads a file (raw bytes; Authorization: Bearer <visitor token>), from the site's allowed origins",
          querystring: VisitorUploadQuerySchema,
          consumes: ['application/octet-stream'],
          response: { 200: UploadResponseSchema, 201: UploadResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { siteKey, name, upload, voice } = request.query;
        const site = await domain.visitors.siteByKey(siteKey);
        if (!site) throw new DomainError(ErrorCode.UnknownSite, 'No site has this key.');
        allowSiteOrigin(reply, domain, site, request.headers.origin);
        // A browser always sends Origin on a cross-origin POST: without one, this is not the widget.
        if (request.headers.origin === undefined)
          throw new DomainError(ErrorCode.OriginNotAllowed, 'Uploads come from the chat on your website.');
        const token = bearer(request);
        const visitor = token ? await domain.visitors.ofToken(site.id, token) : null;
        if (!visitor) throw new DomainError(ErrorCode.Unauthorized, 'Open the chat again to send files.');
        if (!(await limits.perVisitor.take(visitor.id)) || !(await limits.perIp.take(request.ip)))
          throw new DomainError(ErrorCode.RateLimited, 'You are sending files too quickly; wait a minute.');
        const file = await domain.files.upload(
          { kind: 'visitor', visitor },
          { bytes: fileBytes(request), name, uploadId: upload, voice: voice === '1' },
          'web',
        );
        return reply.code(201).send({ file });
      },
    );
  };
}

/** GET /files/:id?exp&sig[&for=provider]: the file, to a viewer who may see its conversation now. */
export function fileServeRoutes(domain: Domain): FastifyPluginAsyncZod {
  const query = z.object({
    exp: z.string().max(16).optional(),
    sig: z.string().max(128).optional(),
    for: z.literal('provider').optional(),
  });
  /** The dashboard's cookie, or the widget's token (checked on the file's site). */
  const viewerOf =
    (request: FastifyRequest) =>
    async (file: { siteId: string }): Promise<FileViewer | null> => {
      const token = bearer(request);
      if (token) {
        const visitor = await domain.visitors.ofToken(file.siteId, token);
        return visitor ? { kind: 'visitor', visitor } : null;
      }
      const agent = await domain.auth.authenticate(sessionToken(request));
      return agent ? { kind: 'agent', agent } : null;
    };
  return async (app) => {
    app.options('/:id', { schema: { hide: true, params: IdParamsSchema } }, async (request, reply) => {
      const site = await domain.files.siteOf(request.params.id);
      if (!site) throw new DomainError(ErrorCode.NotFound, 'File not found');
      allowSiteOrigin(reply, domain, site, request.headers.origin);
      return reply.code(204).send();
    });
    app.get(
      '/:id',
      {
        schema: {
          tags: ['files'],
          summary:
            "A file sent in a conversation, at the signed URL a message carries: to the dashboard's signed-in agents " +
            'who may see it, or to the widget with its Bearer token',
          params: IdParamsSchema,
          querystring: query,
          response: { 200: z.any().describe('The file'), ...errors, 410: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const { exp, sig } = request.query;
        const audience = request.query.for ?? 'viewer';
        const served = await domain.files.serve(request.params.id, { exp, sig, audience }, viewerOf(request));
        const { file, bytes, inline } = served;
        if (request.headers.origin !== undefined && bearer(request)) {
          const site = await domain.files.siteOfServed(served);
          if (site) allowSiteOrigin(reply, domain, site, request.headers.origin);
        }
        void reply
          .type(file.mime)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', FILE_CSP)
          .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
          .header('cache-control', 'private, max-age=3600')
          // The widget reads it cross-origin with CORS (so the resource policy does not apply to it).
          .header('cross-origin-resource-policy', 'same-site')
          .header('accept-ranges', 'bytes');
        const range = parseRange(request.headers.range, bytes.length);
        if (range === 'unsatisfiable')
          return reply.code(416).header('content-range', `bytes */${bytes.length}`).send();
        if (range) {
          return reply
            .code(206)
            .header('content-range', `bytes ${range.start}-${range.end}/${bytes.length}`)
            .send(bytes.subarray(range.start, range.end + 1));
        }
        return reply.send(bytes);
      },
    );
  };
}

/**
 * One `bytes=a-b`, `bytes=a-` or `bytes=-n` range (Safari asks audio and video in ranges, and will not play without
 * them); null for none or a form we do not serve (then the whole file goes, which RFC 9110 allows).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [from, to] = [match[1]!, match[2]!];
  let start: number;
  let end: number;
  if (from === '') {
    start = Math.max(0, size - Number(to));
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** The Gallery: every file of the conversation and of the contact's other conversations the agent may see. */
export function galleryRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAgent);
    app.get(
      '/:id/gallery',
      {
        schema: {
          tags: ['files'],
          summary:
            "Every image and file of the conversation and of the contact's other visible conversations",
          params: IdParamsSchema,
          response: { 200: GalleryBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => ({ files: await domain.files.gallery(currentAgent(request), request.params.id) }),
    );
  };
}

/** Admins: which kinds of file the site takes, its cap per file, and what it stores. */
export function siteFileRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAdmin } = guards(domain);
  return async (app) => {
    app.addHook('preHandler', requireAdmin);
    const responses = {
      200: FileSettingsBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      404: ErrorBodySchema,
    };
    app.get(
      '/:id/files',
      {
        schema: {
          tags: ['sites'],
          summary: "The site's file rules and stored total",
          params: IdParamsSchema,
          response: responses,
        },
      },
      async (request) => domain.files.settings(request.params.id),
    );
    app.patch(
      '/:id/files',
      {
        schema: {
          tags: ['sites'],
          summary: 'Narrow the kinds of file the site takes, or lower its cap per file',
          params: IdParamsSchema,
          body: FileSettingsInputSchema,
          response: { ...responses, 400: ErrorBodySchema },
        },
      },
      async (request) => {
        await domain.files.saveSettings(request.params.id, request.body);
        return domain.files.settings(request.params.id);
      },
    );
  };
}
