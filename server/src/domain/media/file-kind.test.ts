import { describe, expect, it } from 'vitest';
import { sniffFileKind } from './file-kind.js';
import * as make from './fixtures/bytes.js';

const kindOf = (bytes: Uint8Array) => sniffFileKind(bytes);

describe('sniffFileKind: the bytes decide', () => {
  it('calls a PNG uploaded as "invoice.pdf" (type application/pdf) a PNG: name and claim are never consulted', async () => {
    const upload = { name: 'invoice.pdf', claimedType: 'application/pdf', bytes: make.png() };
    expect(await kindOf(upload.bytes)).toEqual({
      mime: 'image/png',
      ext: 'png',
      category: 'image',
      inline: true,
      polyglot: false,
    });
  });

  it.each([
    ['JPEG', make.jpeg(), 'image/jpeg', 'jpg'],
    ['GIF', make.gif(), 'image/gif', 'gif'],
    ['WebP', make.webp(), 'image/webp', 'webp'],
  ])('shows a %s inline', async (_, bytes, mime, ext) => {
    expect(await kindOf(bytes)).toMatchObject({
      mime,
      ext,
      category: 'image',
      inline: true,
      polyglot: false,
    });
  });

  it('accepts HEIC as an image but not inline: not every browser can show it', async () => {
    expect(await kindOf(make.mp4('heic', []))).toMatchObject({
      mime: 'image/heic',
      category: 'image',
      inline: false,
    });
  });

  it('treats an animated PNG as a PNG', async () => {
    const apng = make.png();
    // An acTL chunk before IDAT is what marks a PNG as animated.
    const actl = Buffer.concat([
      Buffer.from([0, 0, 0, 8]),
      Buffer.from('acTL'),
      Buffer.alloc(8),
      Buffer.alloc(4),
    ]);
    const animated = Buffer.concat([apng.subarray(0, 33), actl, apng.subarray(33)]);
    expect(await kindOf(animated)).toMatchObject({
      mime: 'image/png',
      ext: 'png',
      category: 'image',
      inline: true,
    });
  });
});

describe('sniffFileKind: documents', () => {
  it('knows a PDF', async () => {
    expect(await kindOf(make.pdf())).toMatchObject({
      mime: 'application/pdf',
      ext: 'pdf',
      category: 'pdf',
      inline: false,
    });
  });

  it('knows a .docx from its [Content_Types].xml, not from being a zip', async () => {
    expect(await kindOf(make.docx())).toMatchObject({
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ext: 'docx',
      category: 'document',
    });
  });

  it('calls any other zip an archive', async () => {
    expect(await kindOf(make.zip({ 'notes.txt': 'hello' }))).toMatchObject({
      mime: 'application/zip',
      category: 'archive',
    });
  });

  it('tells a legacy Word file from other CFB files such as installers', async () => {
    expect(await kindOf(make.cfb('WordDocument'))).toMatchObject({
      mime: 'application/msword',
      ext: 'doc',
      category: 'document',
    });
    expect(await kindOf(make.cfb('Workbook'))).toMatchObject({
      mime: 'application/vnd.ms-excel',
      ext: 'xls',
    });
    expect(await kindOf(make.cfb('\u0005SummaryInformation'))).toMatchObject({
      mime: 'application/octet-stream',
      category: 'unknown',
    });
  });

  it('calls UTF-8 text plain text, a document', async () => {
    expect(await kindOf(make.utf8('Grüße aus Ljubljana — order #1234\nThanks!'))).toEqual({
      mime: 'text/plain',
      ext: 'txt',
      category: 'document',
      inline: false,
      polyglot: false,
    });
  });

  it('calls UTF-16 text with a byte order mark plain text, not the MPEG audio frame FF FE could start', async () => {
    const notepad = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Meeting notes\r\nÜbersicht', 'utf16le'),
    ]);
    expect(await kindOf(notepad)).toMatchObject({ mime: 'text/plain', category: 'document' });
  });

  it('keeps JavaScript without markup as plain text: served as text/plain with nosniff it cannot run', async () => {
    expect(await kindOf(make.utf8('fetch("/api").then((r) => r.json());\n'))).toMatchObject({
      mime: 'text/plain',
    });
  });
});

describe('sniffFileKind: audio and voice notes', () => {
  it('knows a WAV', async () => {
    expect(await kindOf(make.wav())).toMatchObject({ mime: 'audio/wav', category: 'audio' });
  });

  it('knows Ogg Opus and drops the codecs parameter', async () => {
    expect(await kindOf(make.oggOpus())).toMatchObject({ mime: 'audio/ogg', ext: 'ogg', category: 'audio' });
  });

  it('calls a WebM with only an audio track audio/webm (a Chrome voice note)', async () => {
    expect(await kindOf(make.webm(['A_OPUS']))).toMatchObject({
      mime: 'audio/webm',
      ext: 'webm',
      category: 'audio',
    });
  });

  it('calls a WebM with a video track a video', async () => {
    expect(await kindOf(make.webm(['V_VP8', 'A_OPUS']))).toMatchObject({
      mime: 'video/webm',
      category: 'video',
    });
  });

  it('knows an MP3 behind its ID3 tag', async () => {
    expect(await kindOf(make.mp3())).toMatchObject({ mime: 'audio/mpeg', ext: 'mp3', category: 'audio' });
  });

  it('calls M4A audio/mp4', async () => {
    expect(await kindOf(make.mp4('M4A ', ['soun']))).toMatchObject({
      mime: 'audio/mp4',
      ext: 'm4a',
      category: 'audio',
    });
  });

  it('calls an MP4 with only a sound track audio/mp4 (a Safari voice note), and one with video a video', async () => {
    expect(await kindOf(make.mp4('isom', ['soun']))).toMatchObject({ mime: 'audio/mp4', category: 'audio' });
    expect(await kindOf(make.mp4('isom', ['vide', 'soun']))).toMatchObject({
      mime: 'video/mp4',
      category: 'video',
    });
  });
});

describe('sniffFileKind: active content', () => {
  const svg =
    '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
  const page = '<!DOCTYPE html>\n<html><head><title>Hi</title></head><body>Hello</body></html>';

  it('calls an SVG active, even behind an XML prolog and a BOM', async () => {
    const expected = { mime: 'image/svg+xml', ext: 'svg', category: 'active', inline: false };
    expect(await kindOf(make.utf8(svg))).toMatchObject(expected);
    expect(await kindOf(make.withBom(svg))).toMatchObject(expected);
  });

  it('calls an HTML page active', async () => {
    expect(await kindOf(make.utf8(page))).toMatchObject({
      mime: 'text/html',
      ext: 'html',
      category: 'active',
    });
  });

  it('calls an HTML page active behind a BOM and whitespace, in any letter case', async () => {
    const shouty = `\n\n   \t${page.toUpperCase()}`;
    expect(await kindOf(make.withBom(shouty))).toMatchObject({ mime: 'text/html', category: 'active' });
  });

  it('calls an HTML fragment with only a script active', async () => {
    expect(await kindOf(make.utf8('Hello <script src="https://evil.example/x.js"></script>'))).toMatchObject({
      category: 'active',
    });
  });

  it('calls an HTML page in UTF-16 active', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]);
    expect(await kindOf(utf16)).toMatchObject({ mime: 'text/html', category: 'active' });
  });

  it('calls other XML active', async () => {
    const xml = '<?xml version="1.0"?>\n<?xml-stylesheet href="x.xsl"?><note>hi</note>';
    expect(await kindOf(make.utf8(xml))).toMatchObject({
      mime: 'application/xml',
      ext: 'xml',
      category: 'active',
    });
  });

  it('keeps a GIF/HTML polyglot a GIF, flagged', async () => {
    const polyglot = make.gif('<html><script>alert(document.cookie)</script></html>');
    expect(await kindOf(polyglot)).toEqual({
      mime: 'image/gif',
      ext: 'gif',
      category: 'image',
      inline: true,
      polyglot: true,
    });
  });

  it('flags a JPEG carrying an SVG, but not one carrying an XML prolog (XMP metadata does)', async () => {
    expect(await kindOf(make.jpeg('<svg onload="alert(1)">'))).toMatchObject({
      mime: 'image/jpeg',
      polyglot: true,
    });
    expect(await kindOf(make.jpeg('<?xml version="1.0"?><x:xmpmeta/>'))).toMatchObject({ polyglot: false });
  });
});

describe('sniffFileKind: the rest', () => {
  it('calls random bytes unknown', async () => {
    expect(await kindOf(make.noise(4096))).toEqual({
      mime: 'application/octet-stream',
      ext: 'bin',
      category: 'unknown',
      inline: false,
      polyglot: false,
    });
  });

  it('calls an empty file unknown', async () => {
    expect(await kindOf(new Uint8Array(0))).toMatchObject({ category: 'unknown' });
  });

  it('calls text with a NUL byte unknown', async () => {
    expect(await kindOf(make.utf8('hello\0world'))).toMatchObject({ category: 'unknown' });
  });

  it('does not throw for a damaged zip', async () => {
    const broken = make.docx().subarray(0, 40);
    await expect(kindOf(broken)).resolves.toMatchObject({ category: expect.any(String) });
  });

  it('reads a view into a larger buffer from its own offset', async () => {
    const backing = Buffer.concat([make.noise(100), make.png()]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 100, backing.length - 100);
    expect(await kindOf(view)).toMatchObject({ mime: 'image/png' });
  });
});
