// Protocol constants with no runtime dependencies, so the widget can import them without pulling in zod.

/** Wire protocol version. Additive changes keep it; a breaking change bumps it. */
export const PROTOCOL_VERSION = 1;

/** WebSocket paths, relative to the server's public URL. */
export const VISITOR_SOCKET_PATH = '/ws/visitor';
export const AGENT_SOCKET_PATH = '/ws/agent';

/**
 * WebSocket close codes. 1xxx are the RFC 6455 codes we use; 4xxx are ours and never reused.
 * A client must not reconnect after a code listed in FATAL_CLOSE_CODES.
 */
export const CloseCode = {
  /**
   * Server is shutting down or restarting: reconnect with backoff and resume. Also sent to a visitor whose contact an
   * admin merged into another: their token opens that contact now.
   */
  GoingAway: 1001,
  /** A frame was larger than LIMITS.maxFrameBytes. */
  TooBig: 1009,
  /** Unexpected server fault. */
  Internal: 1011,
  /** Too many malformed frames, or a frame before `hello`. */
  ProtocolViolation: 4000,
  /** Missing, unknown or expired credentials (visitor token or agent session). */
  Unauthorized: 4001,
  /** The client's protocol version is not supported. */
  UnsupportedVersion: 4002,
  /** The page's Origin is not allowed for this site key or for the dashboard. */
  ForbiddenOrigin: 4003,
  /** The site key is unknown. */
  UnknownSite: 4004,
  /** No `hello` within LIMITS.helloTimeoutMs. */
  HelloTimeout: 4008,
  /** The socket's session ended: signed out, password changed elsewhere or reset, or the agent deactivated. */
  SessionRevoked: 4010,
  /** The client stopped reading and its send buffer passed LIMITS.maxBufferedBytes. */
  SlowConsumer: 4013,
  /** Too many frames in a short time. */
  RateLimited: 4029,
  /**
   * Visitor: an admin deleted one of their conversations (erasure). Forget it (its messages too) and reconnect
   * without resuming it. A deleted contact's sockets close with Unauthorized instead: their token is gone.
   */
  ConversationDeleted: 4011,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which reconnecting cannot help. */
export const FATAL_CLOSE_CODES: readonly number[] = [
  CloseCode.Unauthorized,
  CloseCode.UnsupportedVersion,
  CloseCode.ForbiddenOrigin,
  CloseCode.UnknownSite,
  CloseCode.SessionRevoked,
  // Not resumable as it was: the widget forgets the conversation, then starts again itself.
  CloseCode.ConversationDeleted,
];

/** Stable error codes carried by `error` frames and HTTP error bodies. Never reuse a code for another meaning. */
export const ErrorCode = {
  InvalidFrame: 'invalid_frame',
  InvalidRequest: 'invalid_request',
  HelloRequired: 'hello_required',
  UnsupportedVersion: 'unsupported_version',
  Unauthorized: 'unauthorized',
  InvalidCredentials: 'invalid_credentials',
  Forbidden: 'forbidden',
  OriginNotAllowed: 'origin_not_allowed',
  UnknownSite: 'unknown_site',
  NotFound: 'not_found',
  Conflict: 'conflict',
  EmailTaken: 'email_taken',
  LastAdmin: 'last_admin',
  ConversationClosed: 'conversation_closed',
  AlreadyAssigned: 'already_assigned',
  ClientIdReused: 'client_id_reused',
  PayloadTooLarge: 'payload_too_large',
  /** A file whose bytes are a type this chat does not take (decided by the bytes, not the name). */
  UnsupportedType: 'unsupported_type',
  RateLimited: 'rate_limited',
  /** A file URL whose time ran out: read the message again for a fresh one. */
  LinkExpired: 'link_expired',
  OutboxFull: 'outbox_full',
  NotReady: 'not_ready',
  /** SMS: no number is connected, sending is paused, or no provider account is configured. */
  SmsUnavailable: 'sms_unavailable',
  /** SMS: the contact texted STOP; they must text START before the team can text them again. */
  SmsOptedOut: 'sms_opted_out',
  /** SMS: the provider refused the credentials or the number. */
  SmsProviderError: 'sms_provider_error',
  /** The hello's identity was not verified (forged, expired, another site's, an old secret): chatting anonymously. */
  IdentityNotVerified: 'identity_not_verified',
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const LIMITS = {
  /** Largest WebSocket frame the server accepts, in bytes. */
  maxFrameBytes: 16 * 1024,
  /** Longest message body, in characters. */
  maxMessageLength: 4000,
  /** Client command ids: 8 to 64 characters of [A-Za-z0-9_-]. */
  maxClientIdLength: 64,
  /** Time a client has to send `hello` after connecting. */
  helloTimeoutMs: 10_000,
  /** A socket whose unsent buffer passes this is closed as a slow consumer. */
  maxBufferedBytes: 1024 * 1024,
  /** Messages replayed per resume at most; older history is read over HTTP. */
  maxReplay: 1000,
} as const;

/** Languages the widget speaks. The site picks a default; the visitor's browser language wins when it is one of these. */
export const LOCALES = ['en', 'tr', 'sl'] as const;
