import type { Attachment } from '@livechat/shared/model';
import type { StoredFile } from '../store.js';

/** A sent file as a message carries it, with a URL signed now (URLs expire, so they are made at every read). */
export const toAttachment = (f: StoredFile, url: (id: string) => string): Attachment => ({
  id: f.id,
  name: f.name,
  mime: f.mime,
  kind: f.kind,
  size: f.size,
  ...(f.voice && { voice: true }),
  url: url(f.id),
});
