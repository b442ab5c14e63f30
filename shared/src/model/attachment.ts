// Files sent in a conversation: images, documents, audio (voice notes among them). The server decides the type from
// the bytes; `url` is a signed path on the chat server that expires, and whoever fetches it is still checked against
// the conversation's privacy rules (the dashboard's session cookie, the widget's visitor token).
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids.js';

/** How a file is shown: an inline thumbnail, an inline player, or a card with name, type and size. */
export const AttachmentKindSchema = z.enum(['image', 'audio', 'video', 'file']);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

/** Most files one message carries (also Twilio's cap for one MMS). */
export const MAX_ATTACHMENTS = 10;

export const AttachmentSchema = z.object({
  id: IdSchema,
  /** Safe to show: sanitised, with the extension of the bytes. */
  name: z.string(),
  /** Decided by the bytes. */
  mime: z.string(),
  kind: AttachmentKindSchema,
  /** Bytes as stored (an image without its metadata). */
  size: z.number().int().nonnegative(),
  /** Recorded in the chat with the microphone. */
  voice: z.boolean().optional(),
  /** Path on the chat server (`/files/<id>?exp=…&sig=…`): resolve it against the server's URL. Expires. */
  url: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** A file in the Gallery: where it was sent, and by whom. */
export const GalleryFileSchema = AttachmentSchema.extend({
  conversationId: IdSchema,
  messageId: IdSchema,
  author: z.object({ kind: z.enum(['visitor', 'agent', 'bot', 'system']), name: z.string() }),
  createdAt: TimestampSchema,
});
export type GalleryFile = z.infer<typeof GalleryFileSchema>;

/** A message of files only, in a list or a notification: "🎤 Voice message", "📎 photo.jpg", "📎 3 files". */
export function describeAttachments(files: readonly Pick<Attachment, 'name' | 'voice'>[]): string {
  if (files.length === 1) return files[0]!.voice ? '🎤 Voice message' : `📎 ${files[0]!.name}`;
  return `📎 ${files.length} files`;
}
