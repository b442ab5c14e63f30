// Files in conversations: uploading (checked, stripped, stored once per upload id), sending them with a message,
// serving them to whoever may see the conversation, the Gallery, each site's rules, and sweeping unsent uploads.
import { randomBytes } from 'node:crypto';
import { DEFAULT_FILE_TYPE_GROUPS, type FileSettingsInput } from '@livechat/shared/api';
import {
  MAX_ATTACHMENTS,
  type Agent,
  type Attachment,
  type AttachmentKind,
  type Conversation,
  type GalleryFile,
} from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { agentCanSee, visibleConversation } from '../access.js';
import { DomainError, notFound } from '../errors.js';
import { isUniqueViolation, type Store, type StoredFile, type Visitor } from '../store.js';
import { CHANNEL_LIMITS, type Channel } from './allowed-types.js';
import { toAttachment as attachmentOf } from './attachment.js';
import type { BlobStore } from './blob-store.js';
import type { FileKind } from './file-kind.js';
import { prepareUpload } from './prepare-upload.js';
import { checkFileSignature, signFilePath, type FileAudience } from './signed-url.js';

/** How long a file URL handed out with a message stays valid. Rounded to the hour so a thread's URLs stay cacheable. */
const URL_TTL_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;
/** The SMS provider fetches an MMS's images within minutes of the send (and again on its retries). */
const PROVIDER_URL_TTL_MS = 2 * HOUR_MS;
/** Uploads never sent are swept after this long. */
export const UNSENT_TTL_MS = 24 * HOUR_MS;

export type Uploader =
  | { kind: 'agent'; agent: Agent; conversation: Conversation }
  | { kind: 'visitor'; visitor: Visitor }
  | { kind: 'provider'; visitor: Visitor; conversation: Conversation };

export type FileViewer =
  { kind: 'agent'; agent: Agent } | { kind: 'visitor'; visitor: Visitor } | { kind: 'provider' };

export interface FileUpload {
  bytes: Uint8Array;
  name: string;
  uploadId: string;
  voice?: boolean;
}

export interface ServedFile {
  file: StoredFile;
  bytes: Buffer;
  /** Shown in the browser (raster images, audio, video); everything else is a download. */
  inline: boolean;
}

function attachmentKind(kind: FileKind): AttachmentKind {
  if (kind.category === 'image') return kind.inline ? 'image' : 'file';
  if (kind.category === 'audio') return 'audio';
  if (kind.category === 'video') return 'video';
  return 'file';
}

const uploaderKey = (u: Uploader) =>
  u.kind === 'agent' ? { kind: 'agent' as const, id: u.agent.id } : { kind: u.kind, id: u.visitor.id };

export function createFiles(store: Store, blobs: BlobStore, now: () => number) {
  let secret: Promise<string> | null = null;
  /** Shared by every node (made once in the database); read once per process. */
  const urlSecret = () =>
    (secret ??= store.files.installSecret('file_urls', () => randomBytes(32).toString('base64url')));
  let knownSecret = '';

  const viewerUrl = (id: string) => {
    const expires = Math.ceil((now() + URL_TTL_MS) / HOUR_MS) * HOUR_MS;
    return signFilePath(knownSecret, id, expires);
  };

  const toAttachment = (f: StoredFile): Attachment => attachmentOf(f, viewerUrl);

  async function siteRules(siteId: string) {
    const rules = await store.files.rules(siteId);
    return {
      siteAllowed: rules.allowed ?? [...DEFAULT_FILE_TYPE_GROUPS],
      ...(rules.maxFileBytes !== null && { siteMaxBytes: rules.maxFileBytes }),
    };
  }

  /** Whether this viewer may see the file now (the conversation's privacy rules; unsent files: their uploader). */
  async function maySee(viewer: FileViewer, file: StoredFile): Promise<boolean> {
    if (viewer.kind === 'provider') return file.messageId !== null;
    if (file.conversationId === null || file.messageId === null) {
      const own = viewer.kind === 'agent' ? viewer.agent.id : viewer.visitor.id;
      return file.uploader.kind === viewer.kind && file.uploader.id === own;
    }
    const conversation = await store.conversations.byId(file.conversationId);
    if (!conversation) return false;
    if (viewer.kind === 'visitor') return conversation.visitorId === viewer.visitor.id;
    return agentCanSee(viewer.agent, conversation, store);
  }

  return {
    /** Reads the install's URL secret; call once before serving (the app does at start). */
    async ready(): Promise<void> {
      knownSecret = await urlSecret();
    },

    /** Signs a file's URL for a message being read now (the store calls this for every attachment it reads). */
    viewerUrl,

    /** A URL the SMS provider fetches without credentials; short-lived, and only for sent files. */
    providerUrl: (id: string) => signFilePath(knownSecret, id, now() + PROVIDER_URL_TTL_MS, 'provider'),

    /**
     * Stores an upload once per (uploader, upload id): the same upload sent again answers the stored file. Its type is
     * decided by its bytes, checked against the channel's and the site's rules, and images lose their metadata.
     */
    async upload(uploader: Uploader, upload: FileUpload, channel: Channel): Promise<Attachment> {
      const who = uploaderKey(uploader);
      const existing = await store.files.byUpload(who.kind, who.id, upload.uploadId);
      if (existing) return toAttachment(existing);
      const siteId = uploader.kind === 'agent' ? uploader.conversation.siteId : uploader.visitor.siteId;
      const prepared = await prepareUpload(upload, { channel, ...(await siteRules(siteId)) });
      const file: StoredFile = {
        id: randomBytes(18).toString('base64url'),
        siteId,
        uploader: who,
        uploadId: upload.uploadId,
        conversationId: uploader.kind === 'visitor' ? null : uploader.conversation.id,
        messageId: null,
        name: prepared.name,
        mime: prepared.kind.mime,
        kind: attachmentKind(prepared.kind),
        size: prepared.bytes.length,
        voice: (upload.voice ?? false) && prepared.kind.category === 'audio',
        createdAt: now(),
      };
      // Bytes first: a row never points at bytes that are not there.
      await blobs.put(file.id, prepared.bytes);
      try {
        await store.files.insert(file);
      } catch (error) {
        await blobs.delete(file.id);
        // The same upload raced in on another request: the one stored answers both.
        const stored = isUniqueViolation(error)
          ? await store.files.byUpload(who.kind, who.id, upload.uploadId)
          : null;
        if (!stored) throw error;
        return toAttachment(stored);
      }
      return toAttachment(file);
    },

    /**
     * Checks files a message.send names (inside its unit): each uploaded by this author, on this site, unsent, and
     * for an agent into this conversation; on SMS only what MMS carries. Resolves with them in order.
     */
    async claimable(
      ids: readonly string[],
      author: { kind: 'visitor' | 'agent'; id: string },
      conversation: Conversation,
    ): Promise<StoredFile[]> {
      if (ids.length > MAX_ATTACHMENTS || new Set(ids).size !== ids.length)
        throw new DomainError(
          ErrorCode.InvalidRequest,
          `A message can carry up to ${MAX_ATTACHMENTS} different files.`,
        );
      const files: StoredFile[] = [];
      for (const id of ids) {
        const file = await store.files.byId(id);
        const own =
          file &&
          file.uploader.kind === author.kind &&
          file.uploader.id === author.id &&
          file.siteId === conversation.siteId &&
          (author.kind === 'visitor' || file.conversationId === conversation.id);
        if (!file || !own)
          throw new DomainError(ErrorCode.NotFound, 'A file of this message was not found; attach it again.');
        if (file.messageId !== null)
          throw new DomainError(
            ErrorCode.Conflict,
            `${file.name} was already sent; attach it again to send it once more.`,
          );
        files.push(file);
      }
      if (conversation.channel === 'sms') {
        const sms = CHANNEL_LIMITS.sms;
        const refused = files.find((f) => !sms.mimes.includes(f.mime));
        if (refused)
          throw new DomainError(
            ErrorCode.UnsupportedType,
            refused.voice
              ? "Voice messages can't be sent by text message; write the reply instead."
              : `Text messages can carry images only (PNG, JPEG, GIF); ${refused.name} can't be sent by text.`,
          );
        const total = files.reduce((sum, f) => sum + f.size, 0);
        if (total > sms.maxTotalBytes)
          throw new DomainError(
            ErrorCode.PayloadTooLarge,
            `These images are too large together for one text message (at most ${Math.floor(sms.maxTotalBytes / 100_000) / 10} MB); send fewer.`,
          );
      }
      return files;
    },

    /** Marks the checked files sent by this message (inside its unit) and resolves with them as it carries them. */
    async attach(
      files: readonly StoredFile[],
      conversationId: string,
      messageId: string,
    ): Promise<Attachment[]> {
      const claimed = await store.files.attach(
        files.map((f) => f.id),
        conversationId,
        messageId,
      );
      // Another message took one of them between the check and now (another node): this one is refused whole.
      if (claimed !== files.length)
        throw new DomainError(
          ErrorCode.Conflict,
          'A file of this message was already sent; attach it again.',
        );
      return files.map((f) => toAttachment({ ...f, conversationId, messageId }));
    },

    /**
     * The file for a request to its URL: the signature and expiry first, then whether this viewer may see it now.
     * 404 for an unknown file or a bad signature (nothing to tell apart), 410 expired, 403 not theirs.
     */
    async serve(
      id: string,
      query: { exp?: string | undefined; sig?: string | undefined; audience: FileAudience },
      viewer: (file: StoredFile) => Promise<FileViewer | null>,
    ): Promise<ServedFile> {
      const file = await store.files.byId(id);
      const check = checkFileSignature(await urlSecret(), id, query.exp, query.sig, now(), query.audience);
      if (!file || check === 'invalid') throw notFound('File');
      if (check === 'expired')
        throw new DomainError(ErrorCode.LinkExpired, 'This link has expired; open the conversation again.');
      const who = query.audience === 'provider' ? { kind: 'provider' as const } : await viewer(file);
      if (!who) throw new DomainError(ErrorCode.Unauthorized, 'Sign in to see this file.');
      if (!(await maySee(who, file)))
        throw new DomainError(ErrorCode.Forbidden, 'You may not see this file.');
      const bytes = await blobs.get(file.id);
      if (!bytes) throw notFound('File');
      return { file, bytes, inline: file.kind !== 'file' };
    },

    /** Every sent file of the conversation and of the contact's other conversations this agent may see. */
    async gallery(agent: Agent, conversationId: string): Promise<GalleryFile[]> {
      const conversation = await visibleConversation(store, agent, conversationId);
      const others = [
        ...(await store.conversations.recentOfVisitor(conversation.visitorId, 100, 'web')),
        ...(await store.conversations.recentOfVisitor(conversation.visitorId, 100, 'sms')),
      ];
      const visible: string[] = [];
      for (const c of others) if (await agentCanSee(agent, c, store)) visible.push(c.id);
      if (!visible.includes(conversation.id)) visible.push(conversation.id);
      const files = await store.files.gallery(visible, 500);
      return files.map((f) => ({
        ...toAttachment(f),
        conversationId: f.conversationId,
        messageId: f.messageId,
        author: f.author,
        createdAt: f.sentAt,
      }));
    },

    /** The site a file belongs to (whose allowed origins may read it from the widget), or null. */
    async siteOf(id: string) {
      const file = await store.files.byId(id);
      return file ? store.sites.byId(file.siteId) : null;
    },

    /** The site a served file belongs to (its row is at hand: no second read of it). */
    siteOfServed: (served: ServedFile) => store.sites.byId(served.file.siteId),

    async settings(siteId: string) {
      if (!(await store.sites.byId(siteId))) throw notFound('Site');
      const [rules, usage] = await Promise.all([store.files.rules(siteId), store.files.usage(siteId)]);
      return {
        allowed: rules.allowed ?? [...DEFAULT_FILE_TYPE_GROUPS],
        maxFileBytes: rules.maxFileBytes,
        storedBytes: usage.bytes,
        storedFiles: usage.files,
      };
    },

    async saveSettings(siteId: string, input: FileSettingsInput): Promise<void> {
      if (!(await store.sites.byId(siteId))) throw notFound('Site');
      await store.files.saveRules(siteId, {
        allowed: [...new Set(input.allowed)],
        maxFileBytes: input.maxFileBytes,
      });
    },

    /** Deletes files' bytes after their rows are gone (a deleted conversation or contact, swept uploads). */
    async deleteBytes(ids: readonly string[]): Promise<void> {
      for (const id of ids) await blobs.delete(id);
    },

    /** Deletes uploads nobody sent within a day: rows first, then their bytes. */
    async sweepUnsent(): Promise<number> {
      const ids = await store.transaction(() => store.files.removeUnsentBefore(now() - UNSENT_TTL_MS, 500));
      for (const id of ids) await blobs.delete(id);
      return ids.length;
    },
  };
}
export type Files = ReturnType<typeof createFiles>;
