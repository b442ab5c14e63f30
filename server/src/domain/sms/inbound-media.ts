// An incoming MMS's media: each MediaUrl fetched (the provider's credentials only where it serves them), judged and
// stored as the contact's file, once per provider message and position whatever the retries, and kept in order. A
// medium that cannot be fetched or that the site does not take is named in words instead: the text is never lost.
import { MAX_ATTACHMENTS } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { InboundSms, SmsProvider } from '../../sms/provider.js';
import { DomainError } from '../errors.js';
import type { Files, Uploader } from '../media/files.js';
import type { Store, StoredFile, Visitor } from '../store.js';
import { smsConversationOf } from './conversations.js';
import { DownloadError, type Download } from './media-download.js';

export interface ReceivedMedia {
  /** Stored and not yet sent with a message, in the order of the MediaUrls. */
  files: StoredFile[];
  /** Why each of the others was not kept, in words. */
  failures: string[];
}

const EXTENSIONS: Record<string, string> = { jpeg: 'jpg', 'svg+xml': 'svg', quicktime: 'mov', mpeg: 'mp3' };

/** A content type as Twilio sends it (`image/jpeg`), or null for anything else. */
const mediaType = (contentType: string) => {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return /^[a-z]+\/[a-z0-9.+-]{1,60}$/.test(type) ? type : null;
};

/** "image-2.jpg": the kind and extension the provider declared (the bytes have the last word on the extension). */
export function mediaName(contentType: string, position: number): string {
  const type = mediaType(contentType);
  const [top = '', sub = ''] = type?.split('/') ?? [];
  const stem = ['image', 'video', 'audio'].includes(top) ? top : 'attachment';
  const ext = EXTENSIONS[sub] ?? sub.replace(/^x-/, '').replace(/[^a-z0-9]/g, '');
  return `${stem}-${position + 1}${ext ? `.${ext}` : ''}`;
}

/** "[2 attachments could not be received: …; …]" */
export function failureLine(failures: readonly string[]): string {
  const count = failures.length === 1 ? '1 attachment' : `${failures.length} attachments`;
  return `[${count} could not be received: ${[...new Set(failures)].join('; ')}]`;
}

/** The upload's refusal in the words of someone receiving the file (its own words address the sender). */
function refusalOf(error: DomainError, contentType: string): string {
  if (error.code === ErrorCode.UnsupportedType)
    // The bytes decided; the declared type names the file for the agent (it may differ from what the bytes are).
    return `the file (sent as ${mediaType(contentType) ?? 'an unknown type'}) is not a type this inbox accepts`;
  return error.message.replace(/\.$/, '');
}

export interface InboundMediaOptions {
  download: Download;
  onError: (err: unknown) => void;
}

export function createInboundMedia(store: Store, files: Files, { download, onError }: InboundMediaOptions) {
  /** One medium: the file stored for it (already, by an earlier delivery of the webhook, or now), or why not. */
  async function receiveOne(
    text: InboundSms,
    position: number,
    contact: Visitor,
    provider: Pick<SmsProvider, 'mediaAuthorization'>,
    uploader: Uploader,
  ): Promise<StoredFile | string> {
    const { url, contentType } = text.media[position]!;
    const uploadId = `${text.providerMessageId}-${position}`;
    const stored = await store.files.byUpload('provider', contact.id, uploadId);
    if (stored) return stored;
    try {
      const { bytes } = await download(url, (hop) => provider.mediaAuthorization(hop));
      const name = mediaName(contentType, position);
      const attachment = await files.upload(uploader, { bytes, name, uploadId }, 'web');
      const file = await store.files.byId(attachment.id);
      if (!file) throw new Error(`file ${attachment.id} vanished after its upload`);
      return file;
    } catch (error) {
      if (error instanceof DownloadError) return error.message;
      if (error instanceof DomainError) return refusalOf(error, contentType);
      // The server's own failure (storage): the text still goes in, and the log says why its media did not.
      onError(error);
      return 'it could not be stored';
    }
  }

  return {
    /** Fetches and stores every medium of an inbound text, in parallel (the provider waits for the webhook's answer). */
    async receive(
      text: InboundSms,
      contact: Visitor,
      provider: Pick<SmsProvider, 'mediaAuthorization'>,
      now: number,
    ): Promise<ReceivedMedia> {
      if (text.media.length === 0) return { files: [], failures: [] };
      // The files belong to the contact's SMS conversation (made now when this text opens one; the text's unit
      // then finds it). A twin delivery making it at the same time fails here on the unique key, and is retried.
      const conversation = await smsConversationOf(store, contact, now);
      const uploader: Uploader = { kind: 'provider', visitor: contact, conversation };
      const kept = text.media.slice(0, MAX_ATTACHMENTS);
      const results = await Promise.all(
        kept.map((_, position) => receiveOne(text, position, contact, provider, uploader)),
      );
      const extra = text.media.length - kept.length;
      return {
        files: results.filter((r): r is StoredFile => typeof r !== 'string'),
        failures: [
          ...results.filter((r): r is string => typeof r === 'string'),
          ...Array.from({ length: extra }, () => `a message carries at most ${MAX_ATTACHMENTS} files`),
        ],
      };
    },
  };
}
export type SmsInboundMedia = ReturnType<typeof createInboundMedia>;
