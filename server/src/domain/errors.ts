import { ErrorCode } from '@livechat/shared/protocol/constants';

/** A refusal the caller caused; its code is from the shared catalogue and maps to an HTTP status or error frame. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the refusal is about (e.g. `currentPassword`), so a form can show it beside that field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Unknown and not-yours look the same, so ids of other people's data cannot be probed. */
export const notFound = (what: string) => new DomainError(ErrorCode.NotFound, `${what} not found`);
