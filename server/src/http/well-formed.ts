// Every JSON body is refused (400, with the field's path) when a string in it holds a lone UTF-16 surrogate or a NUL
// (see isWellFormedText): such text has no UTF-8 form or no PostgreSQL form, so a name, note, tag or detail would be stored as something other than what was sent.
// Checked once here for every route, so no free-text field of any schema can miss it.
import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { BROKEN_CHARACTER_MESSAGE, isWellFormedText } from '@livechat/shared/model';
import { sendError } from './errors.js';

/** The path of the first string (key or value) with a lone surrogate, or null. */
export function findBrokenText(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : path;
  // Raw bodies (an uploaded picture) are bytes, not text.
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    if (!isWellFormedText(key)) return [...path, key.replace(/[\uD800-\uDFFF\0]/g, '\uFFFD')];
    const found = findBrokenText(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

export function registerWellFormedBodies(app: FastifyInstance): void {
  // A NUL in the address (an id, a search) can match nothing and cannot reach the database (PostgreSQL refuses it).
  app.addHook('onRequest', async (request, reply) => {
    if (!/%00|\0/i.test(request.url)) return;
    return sendError(
      reply,
      ErrorCode.InvalidRequest,
      'The address contains a character that is not allowed.',
    );
  });
  app.addHook('preValidation', async (request, reply) => {
    const found = findBrokenText(request.body);
    if (found === null) return;
    return sendError(reply, ErrorCode.InvalidRequest, 'The request is invalid.', [
      { path: ['body', ...found].join('.'), message: BROKEN_CHARACTER_MESSAGE },
    ]);
  });
}
