// Files as the server sends them (in messages, uploads, the Gallery) and a site's file rules, built with the shared
// schemas like fixtures.ts: what the server could never send fails.
import {
  AttachmentSchema,
  GalleryFileSchema,
  type Attachment,
  type GalleryFile,
} from '@livechat/shared/model';
import { FileSettingsBodySchema, type FileSettingsBody } from '@livechat/shared/api';
import { build, T0 } from './fixtures.js';

export function attachment(over: Partial<Attachment> = {}): Attachment {
  const id = over.id ?? 'f-1';
  return build(AttachmentSchema, {
    id,
    name: 'photo.png',
    mime: 'image/png',
    kind: 'image',
    size: 2048,
    url: `/files/${id}?exp=1&sig=abc`,
    ...over,
  });
}

export function galleryFile(over: Partial<GalleryFile> = {}): GalleryFile {
  return build(GalleryFileSchema, {
    ...attachment(over),
    conversationId: 'c-1',
    messageId: 'm-c-1-2',
    author: { kind: 'visitor', name: 'Vera Visitor' },
    createdAt: T0,
    ...over,
  });
}

export function fileSettings(over: Partial<FileSettingsBody> = {}): FileSettingsBody {
  return build(FileSettingsBodySchema, {
    allowed: ['image', 'pdf', 'document', 'audio'],
    maxFileBytes: null,
    storedBytes: 3 * 1024 * 1024 + 512 * 1024,
    storedFiles: 12,
    ...over,
  });
}

/** A file as the browser hands it over (picked, pasted or dropped). */
export function file(name: string, type: string, size = 1000): File {
  return new File([new Uint8Array(size)], name, { type });
}
