// What a form shows when something is refused: a message next to each field it knows, and the rest in plain words
// at the top. Never the server's "The request is invalid.: body.email …" with its paths.
import { ApiError, errorMessage } from '../api/index.js';
import { serverFieldErrors } from './server-field-errors.js';

export type FieldMessages<F extends string> = Partial<Record<F, string>>;

/** A form's own check refused the input: thrown from a submit action, shown like the server's field errors. */
export class InvalidFields<F extends string = string> extends Error {
  constructor(readonly fields: FieldMessages<F>) {
    super('Check the values and try again.');
    this.name = 'InvalidFields';
  }
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** A failed `safeParse` of a shared schema as field messages, the first issue of each field winning. */
export function issueFields<F extends string>(
  issues: readonly IssueLike[],
  fields: readonly F[],
): FieldMessages<F> {
  const found: FieldMessages<F> = {};
  for (const { path, message } of issues) {
    const field = fields.find((f) => f === String(path[0] ?? ''));
    if (field && !found[field]) found[field] = message;
  }
  return found;
}

export interface FormErrors<F extends string> {
  fields: FieldMessages<F>;
  /** For the top of the form; null when every problem is shown at its field. */
  message: string | null;
}

/** Splits an error into the messages of the form's fields and a plain message for the rest. */
export function formErrors<F extends string>(error: unknown, fields: readonly F[]): FormErrors<F> {
  if (error instanceof InvalidFields) {
    // Never a silent refusal: without a field to show it at, the message goes to the top.
    const fields = error.fields as FieldMessages<F>;
    return { fields, message: Object.keys(fields).length > 0 ? null : error.message };
  }
  const matched = serverFieldErrors(error, fields);
  if (!(error instanceof ApiError) || error.details.length === 0) {
    return { fields: matched, message: errorMessage(error) };
  }
  const isFieldPath = (path: string) =>
    fields.some((f) => path === f || path === `body.${f}` || path.startsWith(`body.${f}.`));
  const rest = [...new Set(error.details.filter((d) => !isFieldPath(d.path)).map((d) => d.message))];
  return { fields: matched, message: rest.length > 0 ? rest.join(' ') : null };
}
