// Test-only: builds small, real, decodable images (and their metadata blocks) in code, so the tests need no binary
// files and can say exactly which bytes must survive metadata stripping.
import zlib from 'node:zlib';

type ByteSource = Uint8Array | number[] | string;

/** Joins byte sources; strings are taken as Latin-1 (one byte per character). */
export function bytes(...parts: ByteSource[]): Uint8Array {
  return Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? Array.from(part, (c) => c.charCodeAt(0)) : Array.from(part),
    ),
  );
}

const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const u32le = (n: number) => u32be(n).reverse();

// --- TIFF / Exif --------------------------------------------------------------------------------------------------

/** A TIFF directory entry; ASCII values are character codes (with the trailing NUL), RATIONALs are pairs. */
export interface TiffEntry {
  tag: number;
  type: 1 | 2 | 3 | 4 | 5; // BYTE, ASCII, SHORT, LONG, RATIONAL
  values: number[];
}

const TIFF_TYPE_SIZE = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 4 } as const; // RATIONAL: per 32-bit half
const valueBytes = (entry: TiffEntry) => entry.values.length * TIFF_TYPE_SIZE[entry.type];
const ifdBytes = (entries: TiffEntry[]) =>
  2 +
  12 * entries.length +
  4 +
  entries.reduce((sum, e) => sum + (valueBytes(e) > 4 ? (valueBytes(e) + 1) & ~1 : 0), 0);

export const ascii = (text: string) => Array.from(`${text}\0`, (c) => c.charCodeAt(0));

/** A TIFF stream (as in Exif): IFD0 and, if given, a GPS IFD pointed to by tag 0x8825. */
export function buildTiff(littleEndian: boolean, ifd0: TiffEntry[], gps?: TiffEntry[]): Uint8Array {
  const first = gps ? [...ifd0, { tag: 0x8825, type: 4 as const, values: [0] }] : [...ifd0];
  first.sort((a, b) => a.tag - b.tag);
  const gpsAt = 8 + ifdBytes(first);
  if (gps) first.find((e) => e.tag === 0x8825)!.values = [gpsAt];
  const out = new Uint8Array(gpsAt + (gps ? ifdBytes(gps) : 0));
  const view = new DataView(out.buffer);
  out.set(littleEndian ? [0x49, 0x49] : [0x4d, 0x4d]);
  view.setUint16(2, 42, littleEndian);
  view.setUint32(4, 8, littleEndian);
  writeIfd(view, littleEndian, 8, first);
  if (gps) writeIfd(view, littleEndian, gpsAt, gps);
  return out;
}

function writeIfd(view: DataView, le: boolean, start: number, entries: TiffEntry[]): void {
  let data = start + 2 + 12 * entries.length + 4; // values too long for the entry go after the directory
  view.setUint16(start, entries.length, le);
  entries.forEach((entry, i) => {
    const at = start + 2 + 12 * i;
    view.setUint16(at, entry.tag, le);
    view.setUint16(at + 2, entry.type, le);
    view.setUint32(at + 4, entry.type === 5 ? entry.values.length / 2 : entry.values.length, le);
    let valueAt = at + 8;
    if (valueBytes(entry) > 4) {
      view.setUint32(at + 8, data, le);
      valueAt = data;
      data += (valueBytes(entry) + 1) & ~1;
    }
    entry.values.forEach((value, j) => {
      const size = TIFF_TYPE_SIZE[entry.type];
      if (size === 1) view.setUint8(valueAt + j, value);
      else if (size === 2) view.setUint16(valueAt + 2 * j, value, le);
      else view.setUint32(valueAt + 4 * j, value, le);
    });
  });
  view.setUint32(start + 2 + 12 * entries.length, 0, le); // no next IFD
}

/** GPS entries for 46°3'N 14°30'E: what a phone writes, and what must not survive. */
export const GPS_ENTRIES: TiffEntry[] = [
  { tag: 0x0000, type: 1, values: [2, 3, 0, 0] }, // GPSVersionID
  { tag: 0x0001, type: 2, values: ascii('N') }, // GPSLatitudeRef
  { tag: 0x0002, type: 5, values: [46, 1, 3, 1, 1234, 100] }, // GPSLatitude
  { tag: 0x0003, type: 2, values: ascii('E') }, // GPSLongitudeRef
  { tag: 0x0004, type: 5, values: [14, 1, 30, 1, 5678, 100] }, // GPSLongitude
];

/** A phone-like Exif TIFF: camera make and model, optionally an Orientation, and a GPS IFD. */
export function phoneExif(littleEndian: boolean, orientation?: number): Uint8Array {
  const ifd0: TiffEntry[] = [
    { tag: 0x010f, type: 2, values: ascii('SecretPhoneMaker') },
    { tag: 0x0110, type: 2, values: ascii('SecretModel X') },
  ];
  if (orientation !== undefined) ifd0.push({ tag: 0x0112, type: 3, values: [orientation] });
  return buildTiff(littleEndian, ifd0, GPS_ENTRIES);
}

// --- JPEG ---------------------------------------------------------------------------------------------------------

export const JPEG_SOI = Uint8Array.of(0xff, 0xd8);
export const JPEG_EOI = Uint8Array.of(0xff, 0xd9);

export function jpegSegment(marker: number, ...payload: ByteSource[]): Uint8Array {
  const data = bytes(...payload);
  return bytes([0xff, marker, ...u16be(data.length + 2)], data);
}

export const jfifApp0 = (thumbnail?: { width: number; height: number }) =>
  jpegSegment(
    0xe0,
    'JFIF\0',
    [1, 2, 0, 0, 1, 0, 1],
    thumbnail
      ? [
          thumbnail.width,
          thumbnail.height,
          ...new Array<number>(3 * thumbnail.width * thumbnail.height).fill(0x7f),
        ]
      : [0, 0],
  );
export const exifApp1 = (tiff: Uint8Array) => jpegSegment(0xe1, 'Exif\0\0', tiff);
export const xmpApp1 = (xml: string) => jpegSegment(0xe1, 'http://ns.adobe.com/xap/1.0/\0', xml);
export const iccApp2 = (profile: ByteSource) => jpegSegment(0xe2, 'ICC_PROFILE\0', [1, 1], profile);
export const mpfApp2 = () => jpegSegment(0xe2, 'MPF\0', [0x4d, 0x4d, 0, 42, 0, 0, 0, 8]);
export const iptcApp13 = (caption: string) =>
  jpegSegment(
    0xed,
    'Photoshop 3.0\0',
    '8BIM',
    [0x04, 0x04, 0, 0],
    u32be(caption.length + 5),
    [0x1c, 2, 120],
    u16be(caption.length),
    caption,
  );
export const adobeApp14 = () => jpegSegment(0xee, 'Adobe', [0, 100, 0, 0, 0, 0, 0]);
export const comSegment = (text: string) => jpegSegment(0xfe, text);

export const XMP_PACKET =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ' +
  'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" ' +
  'exif:GPSLatitude="46,3.2N" exif:GPSLongitude="14,30.9E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

/**
 * What a decoder needs for a mid-grey 8-bit greyscale image whose sides are multiples of 8: quantisation table,
 * baseline frame header, and two one-code Huffman tables (DC difference 0, end of block).
 */
export function jpegCodecSegments(width: number, height: number): Uint8Array {
  const oneCode = (tableClassAndId: number) =>
    jpegSegment(0xc4, [tableClassAndId, 1, ...new Array<number>(15).fill(0), 0x00]); // one 1-bit code for symbol 0
  return bytes(
    jpegSegment(0xdb, [0x00], new Array<number>(64).fill(1)),
    jpegSegment(0xc0, [8], u16be(height), u16be(width), [1, 1, 0x11, 0]),
    oneCode(0x00),
    oneCode(0x10),
  );
}

/** The scan header and its entropy-coded data: per 8x8 block, "0" (DC unchanged) then "0" (end of block). */
export function jpegScan(width: number, height: number): Uint8Array {
  const bits = 2 * (width / 8) * (height / 8);
  const data = new Array<number>(Math.ceil(bits / 8)).fill(0);
  if (bits % 8) data[data.length - 1] = 0xff >> (bits % 8); // pad the last byte with 1-bits
  return bytes(jpegSegment(0xda, [1, 1, 0x00, 0, 63, 0]), data);
}

// --- PNG ----------------------------------------------------------------------------------------------------------

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export function pngChunk(type: string, ...data: ByteSource[]): Uint8Array {
  const body = bytes(type, ...data);
  return bytes(u32be(body.length - 4), body, u32be(zlib.crc32(body)));
}

/** The chunks of a 2x1 RGB image: a red pixel, then a blue one. */
export function tinyPngChunks() {
  return {
    ihdr: pngChunk('IHDR', u32be(2), u32be(1), [8, 2, 0, 0, 0]),
    idat: pngChunk('IDAT', zlib.deflateSync(Uint8Array.of(0, 255, 0, 0, 0, 0, 255))),
    iend: pngChunk('IEND'),
  };
}

/** Reads a PNG's chunks back, recomputing each CRC. */
export function readPngChunks(png: Uint8Array): { type: string; raw: Uint8Array; crcOk: boolean }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks = [];
  for (let p = 8; p < png.length;) {
    const length = view.getUint32(p);
    const raw = png.subarray(p, p + 12 + length);
    const crcOk = view.getUint32(p + 8 + length) === zlib.crc32(png.subarray(p + 4, p + 8 + length));
    chunks.push({ type: String.fromCharCode(...png.subarray(p + 4, p + 8)), raw, crcOk });
    p += 12 + length;
  }
  return chunks;
}

// --- WebP ---------------------------------------------------------------------------------------------------------

export function riffChunk(fourcc: string, ...payload: ByteSource[]): Uint8Array {
  const data = bytes(...payload);
  return bytes(fourcc, u32le(data.length), data, data.length % 2 ? [0] : []);
}

export const webp = (...chunks: Uint8Array[]) =>
  bytes('RIFF', u32le(4 + chunks.reduce((sum, c) => sum + c.length, 0)), 'WEBP', ...chunks);

export const WEBP_FLAGS = { icc: 0x20, alpha: 0x10, exif: 0x08, xmp: 0x04, animation: 0x02 };

export const vp8x = (flags: number, width: number, height: number) =>
  riffChunk('VP8X', [flags, 0, 0, 0], u32le(width - 1).slice(0, 3), u32le(height - 1).slice(0, 3));

/** A lossless (VP8L) image of one colour: every prefix code has a single symbol, so the pixels take no bits. */
export function vp8lSolid(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const bits: number[] = [];
  const put = (value: number, count: number) => {
    for (let i = 0; i < count; i++) bits.push((value >> i) & 1);
  };
  put(0x2f, 8); // signature
  put(width - 1, 14);
  put(height - 1, 14);
  put(0, 1); // alpha not used
  put(0, 3); // version
  put(0, 1); // no transform
  put(0, 1); // no colour cache
  put(0, 1); // no meta prefix codes
  // Green, red, blue, alpha and distance codes: "simple", one symbol, written in 8 bits.
  for (const symbol of [g, r, b, 255, 0]) {
    put(1, 1); // simple code
    put(0, 1); // one symbol
    put(1, 1); // written in 8 bits
    put(symbol, 8);
  }
  const out = new Uint8Array(Math.ceil(bits.length / 8));
  bits.forEach((bit, i) => {
    out[i >> 3]! |= bit << (i & 7);
  });
  return riffChunk('VP8L', out);
}

/** Reads a WebP's chunks back: each fourcc and payload. */
export function readRiffChunks(file: Uint8Array): { fourcc: string; payload: Uint8Array }[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const chunks = [];
  for (let p = 12; p < file.length;) {
    const size = view.getUint32(p + 4, true);
    chunks.push({
      fourcc: String.fromCharCode(...file.subarray(p, p + 4)),
      payload: file.subarray(p + 8, p + 8 + size),
    });
    p += 8 + size + (size % 2);
  }
  return chunks;
}

// --- GIF ----------------------------------------------------------------------------------------------------------

/** Data split into GIF sub-blocks (at most 255 bytes each), with the terminator. */
export function subBlocks(...data: ByteSource[]): Uint8Array {
  const all = bytes(...data);
  const out: number[] = [];
  for (let i = 0; i < all.length; i += 255)
    out.push(Math.min(255, all.length - i), ...all.subarray(i, i + 255));
  return bytes(out, [0]);
}

/** The blocks of a 1x1 GIF89a whose only pixel is red (index 0 of a two-colour global table). */
export function tinyGifBlocks() {
  return {
    head: bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0], [255, 0, 0, 0, 0, 0]),
    netscape: bytes([0x21, 0xff, 11], 'NETSCAPE2.0', [3, 1, 0, 0, 0]), // loop forever
    graphicControl: bytes([0x21, 0xf9, 4, 0, 10, 0, 0, 0]),
    image: bytes([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0], [2], subBlocks([0x44, 0x01])), // LZW: clear, 0, end
    trailer: Uint8Array.of(0x3b),
  };
}

export const gifComment = (text: string) => bytes([0x21, 0xfe], subBlocks(text));

/** XMP as GIF carries it: raw bytes after the identifier, then the 257-byte "magic trailer" that ends the blocks. */
export const gifXmp = (xml: string) =>
  bytes(
    [0x21, 0xff, 11],
    'XMP DataXMP',
    xml,
    [1],
    Array.from({ length: 256 }, (_, i) => 255 - i),
    [0],
  );

/** A decodable 8×8 JPEG with JFIF, carrying `segments` (EXIF, XMP, …) between JFIF and the image data. */
export const smallJpeg = (...segments: Uint8Array[]): Uint8Array =>
  bytes(JPEG_SOI, jfifApp0(), ...segments, jpegCodecSegments(8, 8), jpegScan(8, 8), JPEG_EOI);
