// Which sniffed files may be sent, and how big, per channel; refusals carry a sentence the sender can act on.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { FileCategory, FileKind } from './file-kind.js';

/** What a site accepts unless it chooses otherwise: things people send in support chats, nothing executable. */
export const DEFAULT_ALLOWED: readonly FileCategory[] = ['image', 'pdf', 'document', 'audio'];

/** Files shown in a browser as pages that can run script; no site setting can allow them. */
const NEVER_ALLOWED: readonly FileCategory[] = ['active'];

export function isAllowed(kind: FileKind, allowed: readonly FileCategory[] = DEFAULT_ALLOWED): boolean {
  return !NEVER_ALLOWED.includes(kind.category) && allowed.includes(kind.category);
}

const MIB = 1024 * 1024;
/** Twilio's MMS cap is "5 MB" for the message and all its media together; read as decimal, the stricter reading. */
const MMS_LIMIT_BYTES = 5_000_000;

/** Images Twilio converts for any handset; other types are passed through and may not arrive (WebP not at all). */
export const SMS_IMAGE_MIMES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif'];

export const CHANNEL_LIMITS = {
  web: { maxFileBytes: 25 * MIB, maxFiles: 10 },
  sms: {
    /** All media of one message together, less room for the text body (1,600 characters of up to 4 bytes). */
    maxTotalBytes: MMS_LIMIT_BYTES - 8 * 1024,
    /** Twilio takes at most 10 media URLs per message. */
    maxFiles: 10,
    allowed: ['image'] as readonly FileCategory[],
    mimes: SMS_IMAGE_MIMES,
  },
} as const;

export type Channel = keyof typeof CHANNEL_LIMITS;

export type UploadCheck =
  | { ok: true }
  | { ok: false; status: 413; code: typeof ErrorCode.PayloadTooLarge; message: string }
  | { ok: false; status: 415; code: typeof ErrorCode.UnsupportedType; message: string };

export interface UploadInput {
  kind: FileKind;
  /** This file's size in bytes. */
  size: number;
  channel: Channel;
  /** The site's allow-list; DEFAULT_ALLOWED when it has none. */
  siteAllowed?: readonly FileCategory[];
  /** The site's own per-file cap; it can only lower the channel's. */
  siteMaxBytes?: number;
  /** SMS only: bytes of media already attached to the same message, since the MMS cap is for them all. */
  attachedBytes?: number;
}

/** Whether this file may be sent on this channel; type first (no point weighing a file that cannot go at all). */
export function checkUpload(input: UploadInput): UploadCheck {
  const { kind, size, channel, siteAllowed = DEFAULT_ALLOWED, siteMaxBytes, attachedBytes = 0 } = input;
  const sms = CHANNEL_LIMITS.sms;

  if (kind.category === 'active') return unsupported(activeRefusal(kind));
  if (channel === 'sms' && !sms.mimes.includes(kind.mime)) {
    return unsupported(
      'Text messages can carry images only (PNG, JPEG, GIF); send the file in a web chat instead.',
    );
  }
  if (!isAllowed(kind, siteAllowed)) {
    const offered = channel === 'sms' ? siteAllowed.filter((c) => sms.allowed.includes(c)) : siteAllowed;
    return unsupported(typeRefusal(kind, offered));
  }

  const channelMax = channel === 'web' ? CHANNEL_LIMITS.web.maxFileBytes : Infinity;
  const maxFileBytes = Math.min(channelMax, siteMaxBytes ?? Infinity);
  if (size > maxFileBytes) {
    return tooLarge(`This file is ${fileSize(size)}; files can be at most ${limit(maxFileBytes)}.`);
  }
  const total = attachedBytes + size;
  if (channel === 'sms' && total > sms.maxTotalBytes) {
    const cap = `a text message can carry at most ${limit(sms.maxTotalBytes)}`;
    return tooLarge(
      attachedBytes > 0
        ? `These images add up to ${fileSize(total)}; ${cap}.`
        : `This image is ${fileSize(size)}; ${cap}.`,
    );
  }
  return { ok: true };
}

const unsupported = (message: string): UploadCheck => ({
  ok: false,
  status: 415,
  code: ErrorCode.UnsupportedType,
  message,
});
const tooLarge = (message: string): UploadCheck => ({
  ok: false,
  status: 413,
  code: ErrorCode.PayloadTooLarge,
  message,
});

/** Names as a person would say them, plural, for "X can't be sent here". */
const CATEGORY_NAMES: Record<FileCategory, string> = {
  image: 'images',
  pdf: 'PDFs',
  document: 'documents',
  audio: 'audio',
  video: 'videos',
  archive: 'archives (such as ZIP)',
  active: 'web pages',
  unknown: 'other files',
};

function activeRefusal(kind: FileKind): string {
  return kind.mime === 'image/svg+xml'
    ? "SVG files can't be sent; send a PNG or JPEG instead."
    : `${kind.ext.toUpperCase()} files can't be sent; send a PDF or plain text instead.`;
}

/** Names what was refused and, when there is any, what the chat does take. */
function typeRefusal(kind: FileKind, offered: readonly FileCategory[]): string {
  const refused =
    kind.category === 'unknown'
      ? "This type of file isn't recognised, so it can't be sent"
      : `${capitalise(CATEGORY_NAMES[kind.category])} can't be sent in this chat`;
  const accepted = offered
    .filter((c) => !NEVER_ALLOWED.includes(c) && c !== 'unknown')
    .map((c) => CATEGORY_NAMES[c]);
  return accepted.length > 0 ? `${refused}; you can send ${list(accepted)}.` : `${refused}.`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "a, b or c" */
const list = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/*
 * Sizes in megabytes with one decimal, in binary units (so the 25 MiB limit reads "25 MB", as file managers on
 * Windows show it). A file's size is rounded up and a limit down, so a file just over a limit never reads as equal
 * to it.
 */
const fileSize = (bytes: number) => `${(Math.ceil((bytes / MIB) * 10) / 10).toFixed(1)} MB`;
const limit = (bytes: number) => `${(Math.floor((bytes / MIB) * 10) / 10).toFixed(1).replace(/\.0$/, '')} MB`;
