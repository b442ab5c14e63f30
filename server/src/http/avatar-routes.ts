// Agents' pictures: the signed-in agent uploads the raw image bytes (PUT /me/avatar) or removes theirs; signed-in
// agents read them at /agents/:id/avatar. The type is sniffed from the bytes, and the answer is inert whatever it holds.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgentBodySchema, ErrorBodySchema, IdParamsSchema } from '@livechat/shared/api';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Domain } from '../domain/index.js';
import { DomainError } from '../domain/index.js';
import { AVATAR_MAX_BYTES } from '../domain/profile.js';
import { sendError } from './errors.js';
import { currentAgent, guards } from './session.js';

export function avatarRoutes(domain: Domain): FastifyPluginAsyncZod {
  const { requireAgent } = guards(domain);
  return async (app) => {
    app.addHook('onRequest', requireAgent); // before the body is read
    // The body is the picture itself, whatever Content-Type the client claims: its bytes decide (profile.sniffImage).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    app.setErrorHandler((error: Error & { code?: string }, _request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return sendError(reply, ErrorCode.PayloadTooLarge, 'The picture is larger than 512 KB.');
      throw error; // the app's handler
    });
    const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 413: ErrorBodySchema };

    app.put(
      '/me/avatar',
      {
        bodyLimit: AVATAR_MAX_BYTES,
        schema: {
          tags: ['auth'],
          summary: 'Set your picture: the raw bytes of a PNG, JPEG or WebP image of at most 512 KB',
          consumes: ['image/png', 'image/jpeg', 'image/webp'],
          response: { 200: AgentBodySchema, ...errors },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0)
          throw new DomainError(ErrorCode.InvalidRequest, 'Send the picture as the request body.');
        return { agent: await domain.profile.setAvatar(currentAgent(request).id, request.body) };
      },
    );

    app.delete(
      '/me/avatar',
      {
        schema: {
          tags: ['auth'],
          summary: 'Remove your picture',
          response: { 200: AgentBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => ({ agent: await domain.profile.removeAvatar(currentAgent(request).id) }),
    );

    app.get(
      '/agents/:id/avatar',
      {
        schema: {
          tags: ['team'],
          summary: "An agent's picture (its URL is the agent's avatarUrl)",
          params: IdParamsSchema,
          response: { 200: z.any().describe('The image'), 401: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const picture = await domain.profile.avatar(request.params.id);
        // Served only as the sniffed image type, never sniffed again by the browser, and sandboxed if opened.
        return reply
          .type(picture.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('content-disposition', 'inline; filename="avatar"')
          .header('cache-control', 'private, max-age=86400')
          .send(picture.data);
      },
    );
  };
}
