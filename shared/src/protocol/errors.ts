// The error catalogue: every error code, its HTTP status and what it means. Documented in docs/protocol.md.
import { ErrorCode } from './constants.js';

export const ERROR_CATALOGUE: Record<ErrorCode, { status: number; description: string }> = {
  [ErrorCode.InvalidFrame]: {
    status: 400,
    description: 'The frame is not JSON or does not match any command of this channel.',
  },
  [ErrorCode.InvalidRequest]: {
    status: 400,
    description: 'The request body, query or parameters failed validation.',
  },
  [ErrorCode.HelloRequired]: { status: 400, description: 'A command was sent before `hello` was answered.' },
  [ErrorCode.UnsupportedVersion]: {
    status: 400,
    description: 'The protocol version is not supported by this server.',
  },
  [ErrorCode.Unauthorized]: { status: 401, description: 'Missing, unknown or expired credentials.' },
  [ErrorCode.InvalidCredentials]: {
    status: 401,
    description: 'Email or password is wrong, or the account is deactivated.',
  },
  [ErrorCode.Forbidden]: { status: 403, description: 'Authenticated, but not allowed to do this.' },
  [ErrorCode.OriginNotAllowed]: {
    status: 403,
    description: 'The Origin header is not allowed for this site or for the dashboard.',
  },
  [ErrorCode.UnknownSite]: { status: 404, description: 'No site has this site key.' },
  [ErrorCode.NotFound]: { status: 404, description: 'No such resource, or not visible to the caller.' },
  [ErrorCode.Conflict]: { status: 409, description: 'The request conflicts with the current state.' },
  [ErrorCode.EmailTaken]: { status: 409, description: 'Another agent already uses this email.' },
  [ErrorCode.LastAdmin]: {
    status: 409,
    description: 'The last active admin cannot be demoted or deactivated.',
  },
  [ErrorCode.ConversationClosed]: {
    status: 409,
    description: 'The conversation is closed and takes no new messages.',
  },
  [ErrorCode.AlreadyAssigned]: {
    status: 409,
    description: 'Another agent took the conversation first; the message names them.',
  },
  [ErrorCode.ClientIdReused]: {
    status: 409,
    description:
      'The command id was already used by this author for another message (another conversation or another body); an exact resend gets the stored message back.',
  },
  [ErrorCode.LinkExpired]: {
    status: 410,
    description: 'A file URL that expired; the message read again carries a fresh one.',
  },
  [ErrorCode.PayloadTooLarge]: { status: 413, description: 'The body or frame is larger than allowed.' },
  [ErrorCode.UnsupportedType]: {
    status: 415,
    description:
      'The file is of a type this chat does not take (judged by its bytes); the message names what it takes.',
  },
  [ErrorCode.RateLimited]: { status: 429, description: 'Too many requests; retry later.' },
  [ErrorCode.OutboxFull]: {
    status: 503,
    description: 'Client-side only: too many unsent commands while offline.',
  },
  [ErrorCode.NotReady]: {
    status: 503,
    description:
      'This node cannot serve now (its database or Redis does not answer, or it is shutting down).',
  },
  [ErrorCode.SmsUnavailable]: {
    status: 409,
    description:
      'A text cannot be sent: no Twilio account is configured, no number is connected, or sending is paused.',
  },
  [ErrorCode.SmsOptedOut]: {
    status: 409,
    description: 'The contact texted STOP; they can be texted again once they text START.',
  },
  [ErrorCode.SmsProviderError]: {
    status: 502,
    description:
      'The SMS provider refused the request or could not be reached (its reason is in the message).',
  },
  [ErrorCode.IdentityNotVerified]: {
    status: 400,
    description:
      "Visitor channel only, never fatal: the hello's identity did not verify (forged, expired, another site's, " +
      'made with a rotated secret, or malformed); the connection goes on as the anonymous visitor.',
  },
  [ErrorCode.Internal]: {
    status: 500,
    description: 'Unexpected server error. Details are logged, never sent.',
  },
};
