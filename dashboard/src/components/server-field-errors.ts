// A refused request's field-level `details` (paths like "body.shortcut"), matched to a form's fields.
import { ApiError } from '../api/index.js';

/** The messages for `fields` found in the error's details; empty when it has none for them. */
export function serverFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return found;
  for (const { path, message } of error.details) {
    const field = fields.find((f) => path === f || path === `body.${f}` || path.startsWith(`body.${f}.`));
    if (field && !found[field]) found[field] = message;
  }
  return found;
}
