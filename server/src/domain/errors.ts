import { ErrorCode } from '@livechat/shared/protocol/constants';

/** A refusal the caller caused; its code is from the shared catalogue and maps to an HTTP status or error frame. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Unknown and not-yours look the same, so ids of other people's data cannot be probed. */
export const notFound = (what: string) => new DomainError(ErrorCode.NotFound, `${what} not found`);
