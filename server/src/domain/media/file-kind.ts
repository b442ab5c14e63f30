// What an uploaded file really is, decided from its bytes alone: names and client-claimed types are easy to forge, and
// the type we store is the type we later serve (always with `X-Content-Type-Options: nosniff`).
import { fileTypeFromBuffer } from 'file-type';

export const FILE_CATEGORIES = [
  'image',
  'pdf',
  'document',
  'audio',
  'video',
  'archive',
  'active',
  'unknown',
] as const;
export type FileCategory = (typeof FILE_CATEGORIES)[number];

export interface FileKind {
  /** The type to store and serve the file as, without parameters. */
  readonly mime: string;
  /** Extension without the dot, for naming the stored file. */
  readonly ext: string;
  readonly category: FileCategory;
  /** Every browser shows it in an `<img>`: PNG, JPEG, GIF and WebP only (HEIC and AVIF are not universal). */
  readonly inline: boolean;
  /** An image whose first bytes also hold HTML or script. It stays an image (it is only ever served as one), but
   *  callers should log it: nobody makes such a file by accident. */
  readonly polyglot: boolean;
}

/** Browser content sniffers read at most the first 1445 bytes (WHATWG MIME Sniffing); 8 KB leaves a wide margin. */
const HEAD_BYTES = 8 * 1024;

const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const DOCUMENTS = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'rtf']);
const ARCHIVES = new Set(['zip', 'tar', 'rar', 'gz', 'bz2', '7z', 'xz', 'zst']);

/** Markers of markup a browser would render as a page or run as script; matched anywhere in the head, any case. */
const HTML_MARKERS = /<(?:!doctype|html|head|body|script|iframe|object|embed|svg)\b/i;
const SVG_MARKER = /<svg\b/i;
const HTML_PAGE_MARKER = /<(?:!doctype\s+html|html)\b/i;
const XML_MARKER = /<\?xml\b/i;

/** Sniffs the file's type from its bytes. Never throws for odd input: anything unrecognised is 'unknown'. */
export async function sniffFileKind(bytes: Uint8Array): Promise<FileKind> {
  if (bytes.length === 0) return UNKNOWN;
  const encoding = textEncoding(bytes);
  const head = headText(bytes, encoding);
  // A UTF-16 byte order mark means text: file-type would read FF FE as an MPEG audio frame. It may also throw on a
  // malformed container (a damaged zip); either way the bytes are then judged as text.
  const detected = encoding === 'utf-8' ? await fileTypeFromBuffer(bytes).catch(() => undefined) : undefined;
  if (detected) {
    const kind = binaryKind(bytes, detected.ext, detected.mime.split(';')[0]!.trim());
    if (kind) {
      // `<?xml` is left out: XMP metadata inside ordinary photos may carry it.
      const polyglot = kind.category === 'image' && HTML_MARKERS.test(head);
      return { ...kind, polyglot };
    }
  }
  const active = activeKind(head);
  if (active) return active;
  if (isText(bytes, encoding)) {
    return { mime: 'text/plain', ext: 'txt', category: 'document', inline: false, polyglot: false };
  }
  return UNKNOWN;
}

const UNKNOWN: FileKind = {
  mime: 'application/octet-stream',
  ext: 'bin',
  category: 'unknown',
  inline: false,
  polyglot: false,
};

function kind(mime: string, ext: string, category: FileCategory): FileKind {
  return { mime, ext, category, inline: INLINE_IMAGES.has(mime), polyglot: false };
}

/** Maps file-type's answer to ours, or undefined for what we do not take as such: executables, macro-enabled Office
 *  files, installers (they end up 'unknown') and text formats it knows, XML among them (the text rules judge those). */
function binaryKind(bytes: Uint8Array, ext: string, mime: string): FileKind | undefined {
  switch (ext) {
    case 'pdf':
      return kind(mime, ext, 'pdf');
    // Animated PNG is a PNG to every browser; file-type's image/apng would only cost it inline display.
    case 'apng':
      return kind('image/png', 'png', 'image');
    // Voice notes from Chrome and Firefox. file-type calls every WebM video/webm; we look for a video track and,
    // finding none, call it audio so it plays in an <audio> element.
    case 'webm':
      return hasWebmVideoTrack(bytes)
        ? kind('video/webm', 'webm', 'video')
        : kind('audio/webm', 'webm', 'audio');
    // Voice notes from Safari are AAC in MP4, which file-type reports as video/mp4 or audio/x-m4a.
    case 'mp4':
      return isAudioOnlyMp4(bytes) ? kind('audio/mp4', 'm4a', 'audio') : kind(mime, ext, 'video');
    case 'm4a':
      return kind('audio/mp4', 'm4a', 'audio');
    case 'opus':
      return kind('audio/ogg', 'ogg', 'audio');
    // Legacy Office files share one container (CFB) with installers (.msi) and Outlook items (.msg); only the
    // three document kinds are accepted, told apart by their main stream's name.
    case 'cfb':
      return legacyOfficeKind(bytes);
  }
  if (DOCUMENTS.has(ext)) return kind(mime, ext, 'document');
  if (ARCHIVES.has(ext)) return kind(mime, ext, 'archive');
  const category = /^(image|audio|video)\//.exec(mime)?.[1] as FileCategory | undefined;
  return category && kind(mime, ext, category);
}

/** HTML, SVG and XML: a browser renders them as documents that can run script, so they are refused outright. */
function activeKind(head: string): FileKind | undefined {
  if (HTML_PAGE_MARKER.test(head)) return kind('text/html', 'html', 'active');
  if (SVG_MARKER.test(head)) return kind('image/svg+xml', 'svg', 'active');
  if (HTML_MARKERS.test(head)) return kind('text/html', 'html', 'active');
  if (XML_MARKER.test(head)) return kind('application/xml', 'xml', 'active');
  return undefined;
}

/** A Buffer view (no copy), for its byte search and true Latin-1 decoding (TextDecoder's 'latin1' is windows-1252). */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** UTF-16 when a byte order mark says so; otherwise UTF-8, the only other encoding we call text. */
function textEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** The first bytes as text for marker matching. Bytes that are not UTF-16 are read as Latin-1: ASCII markers match
 *  the same in UTF-8, in legacy 8-bit encodings and inside binary files. */
function headText(bytes: Uint8Array, encoding: TextEncoding): string {
  const head = bytes.subarray(0, HEAD_BYTES);
  return encoding === 'utf-8' ? asBuffer(head).toString('latin1') : new TextDecoder(encoding).decode(head);
}

/** Decodes without error and holds no NUL: text has no magic number, so this is the best test there is. */
function isText(bytes: Uint8Array, encoding: TextEncoding): boolean {
  try {
    return !new TextDecoder(encoding, { fatal: true }).decode(bytes).includes('\0');
  } catch {
    return false;
  }
}

/** A Matroska CodecID element (0x86, a one-byte size) whose value starts `V_`: V_VP8, V_VP9, V_AV1... The track
 *  list sits near the start, so the first 64 KB are enough. */
function hasWebmVideoTrack(bytes: Uint8Array): boolean {
  const text = asBuffer(bytes.subarray(0, 64 * 1024)).toString('latin1');
  return /\x86[\x81-\xfe]V_/.test(text);
}

/** An MP4 with a sound track (`hdlr` box of type `soun`) and no video track (`vide`). The `moov` box may sit at the
 *  end of the file, so all of it is searched. */
function isAudioOnlyMp4(bytes: Uint8Array): boolean {
  const buffer = asBuffer(bytes);
  let sound = false;
  for (let at = buffer.indexOf('hdlr'); at !== -1; at = buffer.indexOf('hdlr', at + 4)) {
    // hdlr: version and flags (4 bytes), pre_defined (4), then the handler type.
    const handler = buffer.toString('latin1', at + 12, at + 16);
    if (handler === 'vide') return false;
    if (handler === 'soun') sound = true;
  }
  return sound;
}

const CFB_STREAMS: [name: string, mime: string, ext: string][] = [
  ['WordDocument', 'application/msword', 'doc'],
  ['Workbook', 'application/vnd.ms-excel', 'xls'],
  ['PowerPoint Document', 'application/vnd.ms-powerpoint', 'ppt'],
];

/** CFB directory entries name their streams in UTF-16LE. */
function legacyOfficeKind(bytes: Uint8Array): FileKind | undefined {
  const buffer = asBuffer(bytes);
  for (const [name, mime, ext] of CFB_STREAMS) {
    if (buffer.includes(Buffer.from(name, 'utf16le'))) return kind(mime, ext, 'document');
  }
  return undefined;
}
