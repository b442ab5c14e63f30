// Every JSON body is refused (400, with the field's path) when a string in it holds a lone UTF-16 surrogate: such
// text has no UTF-8 form, so a name, note, tag or detail would be stored as something other than what was sent.
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
    if (!isWellFormedText(key)) return [...path, key.replace(/[\uD800-\uDFFF]/g, '\uFFFD')];
    const found = findBrokenText(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

export function registerWellFormedBodies(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const found = findBrokenText(request.body);
    if (found === null) return;
    return sendError(reply, ErrorCode.InvalidRequest, 'The request is invalid.', [
      { path: ['body', ...found].join('.'), message: BROKEN_CHARACTER_MESSAGE },
    ]);
  });
}
