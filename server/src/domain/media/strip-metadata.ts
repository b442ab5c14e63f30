// Removes metadata (Exif with its GPS location, XMP, IPTC, comments, text chunks, thumbnails) from uploaded images
// before they are stored. It works on the container structure only: the compressed pixel data is copied byte for
// byte, never decoded or re-encoded, so quality, size and animation are unchanged and no image library is needed.
//
// Each format is walked from its signature to its end marker; anything that cannot be walked is refused with an
// InvalidImageError rather than passed through, and bytes after the end marker (where some phones append preview
// images carrying their own Exif) are dropped. Only what a viewer needs to draw the image is kept: colour profiles,
// animation, transparency. Exif orientation is the one piece of metadata kept (JPEG only), rebuilt as a one-entry
// Exif block, so phone photos are not shown sideways.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { DomainError } from '../errors.js';

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

/** The bytes are not a well-formed image of the type claimed; the upload should be refused. */
export class InvalidImageError extends DomainError {
  constructor(format: string, reason: string) {
    super(ErrorCode.InvalidRequest, `This file is not a valid ${format} image: ${reason}.`);
    this.name = 'InvalidImageError';
  }
}

/** The image with its metadata removed, as new bytes (the input is not modified). Throws InvalidImageError. */
export function stripMetadata(bytes: Uint8Array, mime: ImageMime): Uint8Array {
  switch (mime) {
    case 'image/jpeg':
      return stripJpeg(new ByteReader(bytes, 'JPEG'));
    case 'image/png':
      return stripPng(new ByteReader(bytes, 'PNG'));
    case 'image/webp':
      return stripWebp(new ByteReader(bytes, 'WebP'));
    case 'image/gif':
      return stripGif(new ByteReader(bytes, 'GIF'));
    default:
      throw new InvalidImageError(String(mime), 'this type of image is not supported');
  }
}

/** Bounds-checked reads: every read past the end is a truncated file, reported as such. */
class ByteReader {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    private readonly format: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  fail(reason: string): never {
    throw new InvalidImageError(this.format, reason);
  }
  need(end: number): void {
    if (end > this.bytes.length) this.fail('it ends too early (the file may be cut short)');
  }
  u8(at: number): number {
    this.need(at + 1);
    return this.view.getUint8(at);
  }
  u16(at: number, littleEndian = false): number {
    this.need(at + 2);
    return this.view.getUint16(at, littleEndian);
  }
  u32(at: number, littleEndian = false): number {
    this.need(at + 4);
    return this.view.getUint32(at, littleEndian);
  }
  ascii(at: number, length: number): string {
    this.need(at + length);
    return String.fromCharCode(...this.bytes.subarray(at, at + length));
  }
  startsWith(prefix: ArrayLike<number> | string): boolean {
    return hasPrefix(this.bytes, prefix);
  }
}

function hasPrefix(bytes: Uint8Array, prefix: ArrayLike<number> | string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const expected = typeof prefix === 'string' ? prefix.charCodeAt(i) : prefix[i];
    if (bytes[i] !== expected) return false;
  }
  return true;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// --- JPEG ---------------------------------------------------------------------------------------------------------

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

function stripJpeg(r: ByteReader): Uint8Array {
  const { bytes } = r;
  if (!r.startsWith([0xff, SOI])) r.fail('it does not start with a JPEG start-of-image marker');
  const parts = [bytes.subarray(0, 2)];
  let scanned = false;
  let exifSeen = false;
  for (let p = 2; ;) {
    if (r.u8(p) !== 0xff) r.fail(`a marker was expected at byte ${p}`);
    const marker = r.u8(p + 1);
    if (marker === 0xff) {
      p += 1; // a fill byte before a marker
      continue;
    }
    if (marker === EOI) {
      if (!scanned) r.fail('it has no image data');
      parts.push(bytes.subarray(p, p + 2));
      return concat(parts); // anything after EOI is dropped
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(p, p + 2)); // TEM and RSTn stand alone, without a length
      p += 2;
      continue;
    }
    if (marker === 0x00 || marker === SOI) r.fail(`it has an unexpected marker at byte ${p}`);
    const length = r.u16(p + 2);
    if (length < 2) r.fail(`a segment length is out of range at byte ${p}`);
    const end = p + 2 + length;
    r.need(end);
    if (marker === SOS) {
      // The scan header and its entropy-coded data are copied as they are, up to the next marker.
      const scanEnd = endOfScan(r, end);
      parts.push(bytes.subarray(p, scanEnd));
      scanned = true;
      p = scanEnd;
      continue;
    }
    const payload = bytes.subarray(p + 4, end);
    if (marker === 0xe1 && !exifSeen && hasPrefix(payload, EXIF_ID)) {
      exifSeen = true;
      const orientation = exifOrientation(payload);
      if (orientation !== undefined && orientation !== 1) parts.push(orientationApp1(orientation));
    } else {
      const kept = keptJpegSegment(marker, bytes.subarray(p, end), payload);
      if (kept) parts.push(kept);
    }
    p = end;
  }
}

/**
 * The segments a decoder needs: frame, table, scan and restart markers (0xC0-0xDF), the JFIF header, ICC colour
 * profiles (APP2) and the Adobe header (APP14, which says how to convert the colours). All other application
 * segments (Exif, XMP, IPTC/Photoshop, MPF previews, maker data), comments and unknown markers are dropped.
 */
function keptJpegSegment(marker: number, segment: Uint8Array, payload: Uint8Array): Uint8Array | undefined {
  if (marker >= 0xc0 && marker <= 0xdf) return segment;
  if (marker === 0xe0) return jfifWithoutThumbnail(payload);
  if (marker === 0xe2 && hasPrefix(payload, 'ICC_PROFILE\0')) return segment;
  if (marker === 0xee && hasPrefix(payload, 'Adobe')) return segment;
  return undefined;
}

/** The JFIF header without its optional thumbnail, which can show the picture before it was cropped. */
function jfifWithoutThumbnail(payload: Uint8Array): Uint8Array | undefined {
  // "JFIF\0", version (2), units (1), densities (2 + 2), thumbnail width and height (1 + 1), thumbnail pixels.
  if (!hasPrefix(payload, 'JFIF\0') || payload.length < 14) return undefined; // JFXX thumbnails and the like
  const segment = new Uint8Array(2 + 2 + 14);
  segment.set([0xff, 0xe0, 0, 16]);
  segment.set(payload.subarray(0, 12), 4); // thumbnail width and height stay 0
  return segment;
}

/** Where the entropy-coded data that starts at `from` ends: at the first marker other than FF00 stuffing or RSTn. */
function endOfScan(r: ByteReader, from: number): number {
  const { bytes } = r;
  for (let p = bytes.indexOf(0xff, from); p !== -1 && p + 1 < bytes.length; p = bytes.indexOf(0xff, p + 1)) {
    const next = bytes[p + 1]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return p;
  }
  return r.fail('the image data ends without an end-of-image marker');
}

const EXIF_ID = 'Exif\0\0';
const ORIENTATION_TAG = 0x0112;
const TIFF_SHORT = 3;

/** The Orientation (1-8) in IFD0 of an APP1 Exif payload, if it is there and readable. */
function exifOrientation(payload: Uint8Array): number | undefined {
  const tiff = new DataView(
    payload.buffer,
    payload.byteOffset + EXIF_ID.length,
    payload.length - EXIF_ID.length,
  );
  try {
    const order = tiff.getUint16(0);
    if (order !== 0x4949 && order !== 0x4d4d) return undefined; // "II" little-endian or "MM" big-endian
    const le = order === 0x4949;
    if (tiff.getUint16(2, le) !== 42) return undefined;
    const ifd = tiff.getUint32(4, le);
    const count = tiff.getUint16(ifd, le);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (tiff.getUint16(entry, le) !== ORIENTATION_TAG) continue;
      const value = tiff.getUint16(entry + 8, le); // a single SHORT sits in the first half of the value field
      const valid = tiff.getUint16(entry + 2, le) === TIFF_SHORT && value >= 1 && value <= 8;
      return valid ? value : undefined;
    }
  } catch {
    // A damaged Exif block (a DataView read out of range) is dropped whole, its orientation with it.
  }
  return undefined;
}

/** An APP1 Exif segment holding only the Orientation: a big-endian TIFF header and an IFD0 of one entry. */
function orientationApp1(orientation: number): Uint8Array {
  return Uint8Array.of(
    ...[0xff, 0xe1, 0x00, 34], // APP1, length 34
    ...[0x45, 0x78, 0x69, 0x66, 0, 0], // "Exif\0\0"
    ...[0x4d, 0x4d, 0x00, 42, 0, 0, 0, 8], // "MM", 42, IFD0 at offset 8
    ...[0, 1], // one entry
    ...[0x01, 0x12, 0, TIFF_SHORT, 0, 0, 0, 1, 0, orientation, 0, 0], // Orientation, SHORT, count 1, value
    ...[0, 0, 0, 0], // no next IFD
  );
}

// --- PNG ----------------------------------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Ancillary chunks that change how the image looks (colour, transparency, pixel size, APNG animation). Other
 * ancillary chunks are dropped: eXIf, tEXt, zTXt, iTXt and tIME are metadata, and a decoder may skip any ancillary
 * chunk by definition, so unknown private ones (which can hold anything) go too. Critical chunks are all kept.
 * An eXIf orientation goes with its chunk (PNGs from cameras are rare; rebuilding it would need new CRCs).
 */
const PNG_KEPT_ANCILLARY = new Set([
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'cICP',
  'mDCV',
  'cLLI',
  'sBIT',
  'bKGD',
  'hIST',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);

function stripPng(r: ByteReader): Uint8Array {
  const { bytes } = r;
  if (!r.startsWith(PNG_SIGNATURE)) r.fail('it does not start with the PNG signature');
  const parts = [bytes.subarray(0, PNG_SIGNATURE.length)];
  for (let p = PNG_SIGNATURE.length; ;) {
    const length = r.u32(p);
    if (length > 0x7fffffff) r.fail(`a chunk length is out of range at byte ${p}`);
    const type = r.ascii(p + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) r.fail(`a chunk type is not four letters at byte ${p}`);
    if (p === PNG_SIGNATURE.length && type !== 'IHDR') r.fail('it does not begin with an IHDR chunk');
    const end = p + 12 + length; // length, type, data, CRC
    r.need(end);
    const critical = (bytes[p + 4]! & 0x20) === 0; // an upper-case first letter
    if (critical || PNG_KEPT_ANCILLARY.has(type)) parts.push(bytes.subarray(p, end)); // CRC and all
    if (type === 'IEND') return concat(parts); // anything after IEND is dropped
    p = end;
  }
}

// --- WebP ---------------------------------------------------------------------------------------------------------

/** Chunks that draw the image; EXIF, XMP and unknown chunks are dropped. */
const WEBP_KEPT = new Set(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ICCP', 'ANIM', 'ANMF']);
const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

function stripWebp(r: ByteReader): Uint8Array {
  const { bytes } = r;
  if (!r.startsWith('RIFF') || r.ascii(8, 4) !== 'WEBP') r.fail('it does not start with a RIFF WEBP header');
  const riffEnd = 8 + r.u32(4, true);
  r.need(riffEnd); // anything after the RIFF container is dropped
  const parts: Uint8Array[] = [];
  for (let p = 12; p < riffEnd;) {
    const fourcc = r.ascii(p, 4);
    const size = r.u32(p + 4, true);
    const end = p + 8 + size + (size % 2); // chunks are padded to an even size
    if (end > riffEnd) r.fail(`a chunk runs past the end of the file at byte ${p}`);
    if (p === 12 && !['VP8X', 'VP8 ', 'VP8L'].includes(fourcc))
      r.fail('it does not begin with an image chunk');
    if (fourcc === 'VP8X') {
      if (size < 10) r.fail('its VP8X header is too short');
      const vp8x = bytes.slice(p, end);
      vp8x[8]! &= ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG); // the flags byte: say the dropped chunks are absent
      parts.push(vp8x);
    } else if (WEBP_KEPT.has(fourcc)) {
      parts.push(bytes.subarray(p, end));
    }
    p = end;
  }
  if (parts.length === 0) r.fail('it has no image data');
  const size = parts.reduce((sum, part) => sum + part.length, 4); // "WEBP" and the chunks
  const header = Uint8Array.of(0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50); // "RIFF" size "WEBP"
  new DataView(header.buffer).setUint32(4, size, true);
  return concat([header, ...parts]);
}

// --- GIF ----------------------------------------------------------------------------------------------------------

/** Application extensions that carry the loop count of an animation; others (XMP, ICC, vendor data) are dropped. */
const GIF_KEPT_APPLICATIONS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);
const GIF_GRAPHIC_CONTROL = 0xf9; // frame delay, disposal and transparency
const GIF_APPLICATION = 0xff;

function stripGif(r: ByteReader): Uint8Array {
  const { bytes } = r;
  if (!r.startsWith('GIF87a') && !r.startsWith('GIF89a')) r.fail('it does not start with a GIF signature');
  // Header (6), logical screen descriptor (7), then the global colour table if the descriptor says there is one.
  const screenFlags = r.u8(10);
  let p = 13 + colorTableSize(screenFlags);
  r.need(p);
  const parts = [bytes.subarray(0, p)];
  for (;;) {
    const introducer = r.u8(p);
    if (introducer === 0x3b) {
      parts.push(bytes.subarray(p, p + 1));
      return concat(parts); // anything after the trailer is dropped
    }
    if (introducer === 0x2c) {
      // Image descriptor (10), local colour table, LZW code size (1), then the image data sub-blocks.
      const start = p;
      p += 10 + colorTableSize(r.u8(p + 9)) + 1;
      p = endOfSubBlocks(r, p);
      parts.push(bytes.subarray(start, p));
    } else if (introducer === 0x21) {
      // Extension: a label, then sub-blocks. Comments (0xFE), plain text (0x01) and unknown labels are dropped.
      const label = r.u8(p + 1);
      const end = endOfSubBlocks(r, p + 2);
      const kept =
        label === GIF_GRAPHIC_CONTROL ||
        (label === GIF_APPLICATION && r.u8(p + 2) === 11 && GIF_KEPT_APPLICATIONS.has(r.ascii(p + 3, 11)));
      if (kept) parts.push(bytes.subarray(p, end));
      p = end;
    } else {
      r.fail(`an unknown block starts at byte ${p}`);
    }
  }
}

function colorTableSize(flags: number): number {
  return flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0;
}

/** Past a chain of sub-blocks (a length byte, then that many bytes) and its zero-length terminator. */
function endOfSubBlocks(r: ByteReader, from: number): number {
  let p = from;
  for (let size = r.u8(p); size !== 0; size = r.u8(p)) p += 1 + size;
  return p + 1;
}
