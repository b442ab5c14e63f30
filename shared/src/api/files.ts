// Files over HTTP: uploading (before the message.send that carries them), the Gallery, and a site's file rules.
//
// Upload: the request body is the file's bytes, as they are (`Content-Type: application/octet-stream`), with
//   `?name=<file name>&upload=<client-made id>` (and `&voice=1` for a voice note recorded in the chat).
//   - agents:   POST /api/conversations/:id/files            (session cookie, same origin)
//   - visitors: POST /api/widget/files?siteKey=…             (Authorization: Bearer <visitor token>, cross-origin)
//   Answer 201 { file }. The same `upload` id sent again by the same person answers the file already stored, so an
//   upload cut off by a dropped connection is simply sent again. Refusals: 413 payload_too_large, 415
//   unsupported_type, 429 rate_limited, each with a sentence for the person.
// Fetch: GET <file.url> (the dashboard's cookie; the widget sends its Bearer token). 403 when the viewer may not see
//   the conversation, 410 when the URL expired (read the message again for a fresh one).
import { z } from 'zod';
import { ClientIdSchema } from '../model/ids.js';
import { AttachmentSchema, GalleryFileSchema } from '../model/attachment.js';

export const AGENT_UPLOAD_PATH = '/api/conversations/:id/files';
export const VISITOR_UPLOAD_PATH = '/api/widget/files';
export const GALLERY_PATH = '/api/conversations/:id/gallery';
export const SITE_FILE_SETTINGS_PATH = '/api/sites/:id/files';

export const UploadQuerySchema = z.object({
  name: z.string().trim().min(1, 'Give the file a name.').max(255),
  upload: ClientIdSchema,
  voice: z.literal('1').optional(),
});
export type UploadQuery = z.infer<typeof UploadQuerySchema>;

export const VisitorUploadQuerySchema = UploadQuerySchema.extend({ siteKey: z.string().min(1).max(64) });

export const UploadResponseSchema = z.object({ file: AttachmentSchema });
export type UploadResponse = z.infer<typeof UploadResponseSchema>;

/** Every file of the conversation, and of the contact's other conversations the agent may see; newest first. */
export const GalleryBodySchema = z.object({ files: z.array(GalleryFileSchema) });
export type GalleryBody = z.infer<typeof GalleryBodySchema>;

/** Kinds of file a site can take; web pages and scripts (SVG, HTML) never. */
export const FileTypeGroupSchema = z.enum(['image', 'pdf', 'document', 'audio', 'video', 'archive']);
export type FileTypeGroup = z.infer<typeof FileTypeGroupSchema>;
export const DEFAULT_FILE_TYPE_GROUPS: readonly FileTypeGroup[] = ['image', 'pdf', 'document', 'audio'];

/** The channel's cap for one file on the web (a site can only lower it). */
export const WEB_MAX_FILE_BYTES = 25 * 1024 * 1024;

export const FileSettingsInputSchema = z.object({
  /** What visitors and agents may send; an empty list turns attachments off. */
  allowed: z.array(FileTypeGroupSchema).max(6),
  /** The site's own cap per file, in bytes; null keeps the channel's (25 MB on the web). */
  maxFileBytes: z.number().int().min(1024).max(WEB_MAX_FILE_BYTES).nullable(),
});
export type FileSettingsInput = z.infer<typeof FileSettingsInputSchema>;

export const FileSettingsBodySchema = FileSettingsInputSchema.extend({
  /** Bytes of files the site stores now (every conversation). */
  storedBytes: z.number().int().nonnegative(),
  storedFiles: z.number().int().nonnegative(),
});
export type FileSettingsBody = z.infer<typeof FileSettingsBodySchema>;
