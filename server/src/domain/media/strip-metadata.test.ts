import fc from 'fast-check';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../../scripts/chromium.mjs';
import { DomainError } from '../errors.js';
import {
  adobeApp14,
  buildTiff,
  bytes,
  comSegment,
  exifApp1,
  gifComment,
  gifXmp,
  iccApp2,
  iptcApp13,
  JPEG_EOI,
  JPEG_SOI,
  jfifApp0,
  jpegCodecSegments,
  jpegScan,
  jpegSegment,
  mpfApp2,
  phoneExif,
  PNG_SIGNATURE,
  pngChunk,
  readPngChunks,
  readRiffChunks,
  riffChunk,
  subBlocks,
  tinyGifBlocks,
  tinyPngChunks,
  vp8lSolid,
  vp8x,
  webp,
  WEBP_FLAGS,
  XMP_PACKET,
  xmpApp1,
} from './image-fixtures.js';
import { InvalidImageError, stripMetadata, type ImageMime } from './strip-metadata.js';

const has = (haystack: Uint8Array, needle: string | Uint8Array | number[]) =>
  Buffer.from(haystack).includes(
    typeof needle === 'string' ? Buffer.from(needle, 'latin1') : Buffer.from(needle),
  );

/** Bytes that identify location data: a GPSLatitude entry (tag 2, RATIONAL, count 3) in either byte order. */
const GPS_LATITUDE_ENTRY = { le: [2, 0, 5, 0, 3, 0, 0, 0], be: [0, 2, 0, 5, 0, 0, 0, 3] };
const SECRETS = [
  'Exif\0\0',
  'http://ns.adobe.com/xap',
  'GPSLatitude',
  'Secret',
  'Photoshop',
  '8BIM',
  'MPF\0',
];

function expectNoMetadata(out: Uint8Array) {
  for (const secret of SECRETS) expect(has(out, secret), secret).toBe(false);
  expect(has(out, GPS_LATITUDE_ENTRY.le)).toBe(false);
  expect(has(out, GPS_LATITUDE_ENTRY.be)).toBe(false);
}

// --- JPEG ---------------------------------------------------------------------------------------------------------

const W = 16;
const H = 8;

/** A phone photo: JFIF, Exif with GPS, XMP, an ICC profile, MPF, IPTC, Adobe and a comment, then the image. */
function phoneJpeg({
  orientation,
  littleEndian = true,
}: { orientation?: number; littleEndian?: boolean } = {}) {
  const parts = {
    app0: jfifApp0(),
    exif: exifApp1(phoneExif(littleEndian, orientation)),
    xmp: xmpApp1(XMP_PACKET),
    icc: iccApp2('not really a colour profile'),
    mpf: mpfApp2(),
    iptc: iptcApp13('Secret garden party'),
    adobe: adobeApp14(),
    com: comSegment('Shot at 12 Secret Street'),
    codec: jpegCodecSegments(W, H),
    scan: jpegScan(W, H),
  };
  const { app0, exif, xmp, icc, mpf, iptc, adobe, com, codec, scan } = parts;
  return { parts, file: bytes(JPEG_SOI, app0, exif, xmp, icc, mpf, iptc, adobe, com, codec, scan, JPEG_EOI) };
}

/** The APP1 segment the stripper should write for an orientation, built independently with the TIFF writer. */
const orientationOnly = (orientation: number) =>
  exifApp1(buildTiff(false, [{ tag: 0x0112, type: 3, values: [orientation] }]));

describe('stripMetadata: JPEG', () => {
  it('drops Exif (with its GPS IFD), XMP, MPF, IPTC and comments, and keeps JFIF, ICC, Adobe and the image', () => {
    const { parts, file } = phoneJpeg();
    expect(has(file, GPS_LATITUDE_ENTRY.le)).toBe(true); // the fixture does hold a real GPS IFD

    const out = stripMetadata(file, 'image/jpeg');

    expectNoMetadata(out);
    expect(has(out, 'Shot at')).toBe(false);
    expect(out).toEqual(
      bytes(JPEG_SOI, parts.app0, parts.icc, parts.adobe, parts.codec, parts.scan, JPEG_EOI),
    );
    expect(out.subarray(0, 2)).toEqual(JPEG_SOI);
    expect(out.subarray(-2)).toEqual(JPEG_EOI);
    // The scan and everything after it are the input's bytes, untouched.
    const sos = out.length - parts.scan.length - 2;
    expect(out.subarray(sos)).toEqual(file.subarray(file.length - parts.scan.length - 2));
  });

  it.each([true, false])(
    'keeps a one-entry Exif with the orientation when it is not 1 (little-endian: %s)',
    (le) => {
      const { parts, file } = phoneJpeg({ orientation: 6, littleEndian: le });

      const out = stripMetadata(file, 'image/jpeg');

      // In the place of the old Exif, nothing but Orientation = 6; no make, model or GPS.
      expect(out).toEqual(
        bytes(
          JPEG_SOI,
          parts.app0,
          orientationOnly(6),
          parts.icc,
          parts.adobe,
          parts.codec,
          parts.scan,
          JPEG_EOI,
        ),
      );
      expect(has(out, GPS_LATITUDE_ENTRY.le) || has(out, GPS_LATITUDE_ENTRY.be)).toBe(false);
      expect(has(out, 'Secret')).toBe(false);
    },
  );

  it('writes no Exif for orientation 1, an out-of-range orientation, or a damaged Exif block', () => {
    for (const orientation of [1, 9]) {
      const out = stripMetadata(phoneJpeg({ orientation }).file, 'image/jpeg');
      expect(has(out, 'Exif')).toBe(false);
    }
    const codec = bytes(jpegCodecSegments(W, H), jpegScan(W, H), JPEG_EOI);
    const damaged = bytes(JPEG_SOI, exifApp1(Uint8Array.of(0x49, 0x49, 42, 0, 0xff, 0xff, 0, 0)), codec);
    expect(stripMetadata(damaged, 'image/jpeg')).toEqual(bytes(JPEG_SOI, codec));
  });

  it('takes the orientation from the first Exif block only', () => {
    const codec = bytes(jpegCodecSegments(W, H), jpegScan(W, H), JPEG_EOI);
    const file = bytes(JPEG_SOI, exifApp1(phoneExif(true, 3)), exifApp1(phoneExif(true, 8)), codec);
    expect(stripMetadata(file, 'image/jpeg')).toEqual(bytes(JPEG_SOI, orientationOnly(3), codec));
  });

  it('drops the JFIF thumbnail (and JFXX thumbnails), keeping the JFIF header', () => {
    const codec = bytes(jpegCodecSegments(W, H), jpegScan(W, H), JPEG_EOI);
    const jfxx = jpegSegment(0xe0, 'JFXX\0', [0x13], [1, 1, 9, 9, 9]);
    const out = stripMetadata(bytes(JPEG_SOI, jfifApp0({ width: 2, height: 2 }), jfxx, codec), 'image/jpeg');
    expect(out).toEqual(bytes(JPEG_SOI, jfifApp0(), codec));
  });

  it('copies entropy-coded data with stuffing, restarts and fill bytes, drops what lies between scans and after EOI', () => {
    const codec = jpegCodecSegments(W, H);
    const firstScan = bytes(
      jpegSegment(0xda, [1, 1, 0x00, 0, 0, 0]),
      [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56],
    );
    const table = jpegSegment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]);
    const secondScan = bytes(jpegSegment(0xda, [1, 1, 0x00, 1, 63, 0]), [0xff, 0x00, 0x7f, 0xff, 0xff]);
    const appended = bytes(JPEG_SOI, exifApp1(phoneExif(true)), codec); // a preview image some phones append
    const file = bytes(
      JPEG_SOI,
      codec,
      firstScan,
      table,
      comSegment('Secret'),
      secondScan,
      JPEG_EOI,
      appended,
    );

    const out = stripMetadata(file, 'image/jpeg');

    expect(out).toEqual(bytes(JPEG_SOI, codec, firstScan, table, secondScan, JPEG_EOI));
  });

  it('returns a clean image unchanged, as a copy, and leaves its input alone', () => {
    const { file } = phoneJpeg({ orientation: 6 });
    const before = file.slice();
    const once = stripMetadata(file, 'image/jpeg');
    expect(file).toEqual(before);
    const twice = stripMetadata(once, 'image/jpeg');
    expect(twice).toEqual(once);
    expect(twice.buffer).not.toBe(once.buffer);
  });
});

// --- PNG ----------------------------------------------------------------------------------------------------------

describe('stripMetadata: PNG', () => {
  it('drops eXIf, tEXt, zTXt, iTXt, tIME and unknown ancillary chunks; kept chunks are byte-identical', () => {
    const { ihdr, idat, iend } = tinyPngChunks();
    const gama = pngChunk('gAMA', [0, 0, 0xb1, 0x8f]);
    const phys = pngChunk('pHYs', [0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1]);
    const file = bytes(
      PNG_SIGNATURE,
      ihdr,
      gama,
      pngChunk('eXIf', phoneExif(false)),
      pngChunk('tEXt', 'Comment\0GPS=46.0534,14.5150 Secret'),
      pngChunk('zTXt', 'Author\0', [0], [0x78, 0x9c, 3, 0, 0, 0, 0, 1]),
      pngChunk('iTXt', 'XML:com.adobe.xmp\0', [0, 0], '\0\0', XMP_PACKET),
      pngChunk('tIME', [0x07, 0xe8, 6, 1, 12, 0, 0]),
      phys,
      idat,
      pngChunk('prVt', 'Secret private data'),
      iend,
      'Secret trailing bytes',
    );

    const out = stripMetadata(file, 'image/png');

    expectNoMetadata(out);
    expect(has(out, 'GPS=')).toBe(false);
    expect(out).toEqual(bytes(PNG_SIGNATURE, ihdr, gama, phys, idat, iend));
    const chunks = readPngChunks(out);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'gAMA', 'pHYs', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(chunks.map((c) => c.raw)).toEqual([ihdr, gama, phys, idat, iend]);
  });

  it('keeps palette, colour, transparency and APNG animation chunks, in order', () => {
    const file = bytes(
      PNG_SIGNATURE,
      pngChunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 3, 0, 0, 0]),
      pngChunk('iCCP', 'icc\0', [0], [0x78, 0x9c, 3, 0, 0, 0, 0, 1]),
      pngChunk('sRGB', [0]),
      pngChunk('cHRM', new Array<number>(32).fill(1)),
      pngChunk('PLTE', [255, 0, 0]),
      pngChunk('tRNS', [128]),
      pngChunk('acTL', [0, 0, 0, 2, 0, 0, 0, 0]),
      pngChunk('fcTL', new Array<number>(26).fill(0)),
      pngChunk('IDAT', [1, 2, 3]),
      pngChunk('fcTL', new Array<number>(26).fill(1)),
      pngChunk('fdAT', [0, 0, 0, 2, 4, 5, 6]),
      pngChunk('IEND'),
    );
    expect(stripMetadata(file, 'image/png')).toEqual(file);
  });
});

// --- WebP ---------------------------------------------------------------------------------------------------------

describe('stripMetadata: WebP', () => {
  it('drops EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size', () => {
    const iccp = riffChunk('ICCP', 'not really a colour profile');
    const image = vp8lSolid(3, 2, [0, 128, 255]);
    const { icc, exif, xmp } = WEBP_FLAGS;
    const file = webp(
      vp8x(icc | exif | xmp, 3, 2),
      iccp,
      image,
      riffChunk('EXIF', phoneExif(true)),
      riffChunk('XMP ', `${XMP_PACKET} `), // an odd size, so the chunk is padded
      riffChunk('sEcR', 'Secret'),
    );

    const out = stripMetadata(file, 'image/webp');

    expectNoMetadata(out);
    expect(readRiffChunks(out).map((c) => c.fourcc)).toEqual(['VP8X', 'ICCP', 'VP8L']);
    expect(readRiffChunks(out)[0]!.payload[0]).toBe(icc);
    expect(new DataView(out.buffer).getUint32(4, true)).toBe(out.length - 8);
    expect(out).toEqual(webp(vp8x(icc, 3, 2), iccp, image));
  });

  it('keeps animation chunks and drops bytes after the RIFF container', () => {
    const { animation, exif } = WEBP_FLAGS;
    const frame = riffChunk('ANMF', new Array<number>(16).fill(0), vp8lSolid(1, 1, [1, 2, 3]));
    const anim = riffChunk('ANIM', [0, 0, 0, 0, 0, 0]);
    const file = bytes(
      webp(vp8x(animation | exif, 1, 1), anim, frame, frame, riffChunk('EXIF', 'Secret')),
      'junk',
    );
    expect(stripMetadata(file, 'image/webp')).toEqual(webp(vp8x(animation, 1, 1), anim, frame, frame));
  });

  it('returns a simple (VP8L-only) WebP unchanged', () => {
    const file = webp(vp8lSolid(2, 2, [9, 9, 9]));
    expect(stripMetadata(file, 'image/webp')).toEqual(file);
  });
});

// --- GIF ----------------------------------------------------------------------------------------------------------

describe('stripMetadata: GIF', () => {
  it('drops comments, XMP and other application extensions, and plain text; keeps looping and frames', () => {
    const { head, netscape, graphicControl, image, trailer } = tinyGifBlocks();
    const iccExtension = bytes([0x21, 0xff, 11], 'ICCRGBG1012', subBlocks('Secret profile'));
    const plainText = bytes([0x21, 0x01], subBlocks(new Array<number>(12).fill(0), 'Secret text'));
    const file = bytes(
      head,
      netscape,
      gifComment('Shot at 12 Secret Street'),
      gifXmp(XMP_PACKET),
      iccExtension,
      graphicControl,
      plainText,
      image,
      trailer,
      'Secret trailing bytes',
    );

    const out = stripMetadata(file, 'image/gif');

    expectNoMetadata(out);
    expect(has(out, 'XMP DataXMP')).toBe(false);
    expect(out).toEqual(bytes(head, netscape, graphicControl, image, trailer));
  });

  it('walks the block structure: bytes that look like blocks inside colour tables and image data are data', () => {
    const { head, netscape, graphicControl, trailer } = tinyGifBlocks();
    // A frame with a local colour table (2 colours) holding 0x21 0xFE and 0x3B, and image data holding 0x21 0xFE.
    const frame = bytes(
      [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0x80],
      [0x21, 0xfe, 0x3b, 0x3b, 0x21, 0xfe],
      [2],
      subBlocks([0x21, 0xfe, 0x3b]),
    );
    const animExts = bytes([0x21, 0xff, 11], 'ANIMEXTS1.0', [3, 1, 0, 0, 0]);
    const file = bytes(
      head,
      netscape,
      animExts,
      graphicControl,
      frame,
      gifComment('Secret'),
      graphicControl,
      frame,
      trailer,
    );
    expect(stripMetadata(file, 'image/gif')).toEqual(
      bytes(head, netscape, animExts, graphicControl, frame, graphicControl, frame, trailer),
    );
  });
});

// --- Malformed input ----------------------------------------------------------------------------------------------

const valid: Record<ImageMime, Uint8Array> = {
  'image/jpeg': phoneJpeg({ orientation: 6 }).file,
  'image/png': bytes(PNG_SIGNATURE, ...Object.values(tinyPngChunks())),
  'image/webp': webp(vp8x(WEBP_FLAGS.exif, 1, 1), vp8lSolid(1, 1, [1, 2, 3]), riffChunk('EXIF', 'x')),
  'image/gif': bytes(...Object.values(tinyGifBlocks())),
};
const mimes = Object.keys(valid) as ImageMime[];

function expectInvalid(file: Uint8Array, mime: ImageMime) {
  expect(() => stripMetadata(file, mime)).toThrow(InvalidImageError);
}

describe('stripMetadata: malformed input', () => {
  it.each(mimes)('refuses every truncation of a valid %s', (mime) => {
    const file = valid[mime];
    expect(() => stripMetadata(file, mime)).not.toThrow();
    for (let length = 0; length < file.length; length++) expectInvalid(file.subarray(0, length), mime);
  });

  it.each(mimes)('refuses %s bytes that are another type, or garbage', (mime) => {
    for (const other of mimes) if (other !== mime) expectInvalid(valid[other], mime);
    expectInvalid(bytes('hello, this is not an image'), mime);
  });

  it('refuses JPEG segments with bad lengths, junk between segments, and images without a scan', () => {
    const codec = bytes(jpegCodecSegments(W, H), jpegScan(W, H), JPEG_EOI);
    expectInvalid(bytes(JPEG_SOI, [0xff, 0xe1, 0, 1], codec), 'image/jpeg'); // length below 2
    expectInvalid(bytes(JPEG_SOI, [0xff, 0xe1, 0xff, 0xf0], 'short'), 'image/jpeg'); // past the end
    expectInvalid(bytes(JPEG_SOI, [0x00, 0x01], codec), 'image/jpeg'); // not a marker
    expectInvalid(bytes(JPEG_SOI, jpegCodecSegments(W, H), JPEG_EOI), 'image/jpeg'); // no scan
    expectInvalid(bytes(JPEG_SOI, JPEG_SOI, codec), 'image/jpeg');
  });

  it('refuses PNGs that do not begin with IHDR, or have bad chunk types or lengths', () => {
    const { ihdr, idat, iend } = tinyPngChunks();
    expectInvalid(bytes(PNG_SIGNATURE, idat, ihdr, iend), 'image/png');
    expectInvalid(bytes(PNG_SIGNATURE, ihdr, [0, 0, 0, 0], 'ID@T', [0, 0, 0, 0], iend), 'image/png');
    expectInvalid(
      bytes(PNG_SIGNATURE, ihdr, [0x80, 0, 0, 0], 'tEXt', new Array<number>(64).fill(0)),
      'image/png',
    );
  });

  it('refuses WebPs whose sizes do not add up or that do not begin with an image chunk', () => {
    const image = vp8lSolid(1, 1, [1, 2, 3]);
    const good = webp(image);
    const tooBig = good.slice();
    new DataView(tooBig.buffer).setUint32(4, good.length, true);
    expectInvalid(tooBig, 'image/webp');
    expectInvalid(webp(riffChunk('EXIF', 'x'), image), 'image/webp');
    expectInvalid(webp(riffChunk('VP8X', [0, 0, 0, 0]), image), 'image/webp'); // VP8X too short
    const chunkTooBig = good.slice();
    new DataView(chunkTooBig.buffer).setUint32(16, image.length, true);
    expectInvalid(chunkTooBig, 'image/webp');
  });

  it('refuses GIFs with unknown blocks', () => {
    const { head, image, trailer } = tinyGifBlocks();
    expectInvalid(bytes(head, [0x42], image, trailer), 'image/gif');
  });

  it('says so in words, as a refusal of the request', () => {
    try {
      stripMetadata(bytes('GIF89a'), 'image/gif');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'invalid_request', name: 'InvalidImageError' });
      expect((error as Error).message).toBe(
        'This file is not a valid GIF image: it ends too early (the file may be cut short).',
      );
    }
  });

  it.each(mimes)('on corrupted %s bytes, either strips or throws InvalidImageError, nothing else', (mime) => {
    const file = valid[mime];
    const corruption = fc.array(fc.tuple(fc.nat(file.length - 1), fc.nat(255)), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(corruption, (changes) => {
        const damaged = file.slice();
        for (const [at, value] of changes) damaged[at] = value;
        try {
          expect(stripMetadata(damaged, mime)).toBeInstanceOf(Uint8Array);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidImageError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// --- Real decoding ------------------------------------------------------------------------------------------------

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('stripped images still decode in Chromium', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  }, 20_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Decodes each image in a blank page: its size (after Exif orientation) and its top-left pixel. */
  async function decode(images: { type: string; data: Uint8Array }[]) {
    const page = await browser!.newPage();
    try {
      const encoded = images.map(({ type, data }) => ({
        type,
        base64: Buffer.from(data).toString('base64'),
      }));
      return await page.evaluate(
        (list) =>
          Promise.all(
            list.map(async ({ type, base64 }) => {
              try {
                const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
                const bitmap = await createImageBitmap(new Blob([data], { type }));
                const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
                const context = canvas.getContext('2d')!;
                context.drawImage(bitmap, 0, 0);
                const pixel = Array.from(context.getImageData(0, 0, 1, 1).data);
                return { width: bitmap.width, height: bitmap.height, pixel };
              } catch (error) {
                return { error: `${type}: ${String(error)}` };
              }
            }),
          ),
        encoded,
      );
    } finally {
      await page.close();
    }
  }

  it('decodes the stripped JPEG, PNG, WebP and GIF, with the JPEG turned by its kept orientation', async () => {
    const strip = (mime: ImageMime, data: Uint8Array) => ({ type: mime, data: stripMetadata(data, mime) });
    const { ihdr, idat, iend } = tinyPngChunks();
    const { head, netscape, graphicControl, image, trailer } = tinyGifBlocks();
    const results = await decode([
      strip('image/jpeg', phoneJpeg().file),
      strip('image/jpeg', phoneJpeg({ orientation: 6 }).file),
      strip('image/png', bytes(PNG_SIGNATURE, ihdr, pngChunk('tEXt', 'GPS\0Secret'), idat, iend)),
      strip(
        'image/webp',
        webp(vp8x(WEBP_FLAGS.exif, 3, 2), vp8lSolid(3, 2, [0, 128, 255]), riffChunk('EXIF', phoneExif(true))),
      ),
      strip('image/gif', bytes(head, netscape, gifComment('Secret'), graphicControl, image, trailer)),
    ]);
    const grey = [128, 128, 128, 255];
    expect(results).toEqual([
      { width: 16, height: 8, pixel: grey },
      { width: 8, height: 16, pixel: grey }, // orientation 6: turned a quarter clockwise
      { width: 2, height: 1, pixel: [255, 0, 0, 255] },
      { width: 3, height: 2, pixel: [0, 128, 255, 255] },
      { width: 1, height: 1, pixel: [255, 0, 0, 255] },
    ]);
  });
});
