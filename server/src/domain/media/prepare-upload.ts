// An upload made ready to store: its type decided by its bytes, checked against the channel's and the site's rules,
// its image metadata removed, and its name made safe. Refusals are DomainErrors whose messages a person understands
// (413 too large, 415 a type this chat does not take, 400 a damaged image).
import { DomainError } from '../errors.js';
import { checkUpload, type UploadInput } from './allowed-types.js';
import { sanitizeFileName } from './file-name.js';
import { sniffFileKind, type FileKind } from './file-kind.js';
import { stripMetadata, type ImageMime } from './strip-metadata.js';

export interface PreparedUpload {
  kind: FileKind;
  /** Safe to show and to put in a header, with the extension of the bytes. */
  name: string;
  /** What to store: the bytes as uploaded, or an image without its metadata. */
  bytes: Uint8Array;
}

const STRIPPED: ReadonlySet<string> = new Set<ImageMime>([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
]);

export async function prepareUpload(
  upload: { bytes: Uint8Array; name: string },
  rules: Omit<UploadInput, 'kind' | 'size'>,
): Promise<PreparedUpload> {
  const kind = await sniffFileKind(upload.bytes);
  const verdict = checkUpload({ ...rules, kind, size: upload.bytes.length });
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.message);
  const bytes = STRIPPED.has(kind.mime) ? stripMetadata(upload.bytes, kind.mime as ImageMime) : upload.bytes;
  return { kind, name: sanitizeFileName(upload.name, kind.ext), bytes };
}
