import { describe, expect, it } from 'vitest';
import { CHANNEL_LIMITS, DEFAULT_ALLOWED, checkUpload, isAllowed } from './allowed-types.js';
import type { FileCategory, FileKind } from './file-kind.js';

const MIB = 1024 * 1024;
const k = (mime: string, ext: string, category: FileCategory, inline = false): FileKind => ({
  mime,
  ext,
  category,
  inline,
  polyglot: false,
});

const png = k('image/png', 'png', 'image', true);
const webp = k('image/webp', 'webp', 'image', true);
const pdf = k('application/pdf', 'pdf', 'pdf');
const svg = k('image/svg+xml', 'svg', 'active');
const html = k('text/html', 'html', 'active');
const video = k('video/mp4', 'mp4', 'video');
const zip = k('application/zip', 'zip', 'archive');
const unknown = k('application/octet-stream', 'bin', 'unknown');

describe('isAllowed', () => {
  it('accepts images, PDFs, documents and audio by default, and nothing else', () => {
    expect(DEFAULT_ALLOWED).toEqual(['image', 'pdf', 'document', 'audio']);
    expect(isAllowed(png, DEFAULT_ALLOWED)).toBe(true);
    expect(isAllowed(pdf, DEFAULT_ALLOWED)).toBe(true);
    expect(isAllowed(video, DEFAULT_ALLOWED)).toBe(false);
    expect(isAllowed(zip, DEFAULT_ALLOWED)).toBe(false);
    expect(isAllowed(unknown, DEFAULT_ALLOWED)).toBe(false);
  });

  it('follows a site that widens or narrows the list', () => {
    expect(isAllowed(video, [...DEFAULT_ALLOWED, 'video'])).toBe(true);
    expect(isAllowed(pdf, ['image'])).toBe(false);
  });

  it('never accepts active content, whatever the site says', () => {
    expect(isAllowed(svg, ['active', 'image'])).toBe(false);
    expect(isAllowed(html, ['active'])).toBe(false);
  });
});

describe('checkUpload: types', () => {
  it('lets an image through on the web', () => {
    expect(checkUpload({ kind: png, size: 200_000, channel: 'web' })).toEqual({ ok: true });
  });

  it('refuses SVG with a 415 and a way out', () => {
    expect(checkUpload({ kind: svg, size: 1000, channel: 'web', siteAllowed: ['active', 'image'] })).toEqual({
      ok: false,
      status: 415,
      code: 'unsupported_type',
      message: "SVG files can't be sent; send a PNG or JPEG instead.",
    });
  });

  it('refuses HTML naming it', () => {
    expect(checkUpload({ kind: html, size: 1000, channel: 'web' })).toMatchObject({
      status: 415,
      message: "HTML files can't be sent; send a PDF or plain text instead.",
    });
  });

  it('refuses a category the site does not take, saying what it does take', () => {
    expect(checkUpload({ kind: video, size: 1000, channel: 'web' })).toMatchObject({
      status: 415,
      code: 'unsupported_type',
      message: "Videos can't be sent in this chat; you can send images, PDFs, documents or audio.",
    });
    expect(checkUpload({ kind: pdf, size: 1000, channel: 'web', siteAllowed: ['image'] })).toMatchObject({
      message: "PDFs can't be sent in this chat; you can send images.",
    });
  });

  it('refuses an unrecognised file', () => {
    expect(checkUpload({ kind: unknown, size: 1000, channel: 'web' })).toMatchObject({
      status: 415,
      message:
        "This type of file isn't recognised, so it can't be sent; you can send images, PDFs, documents or audio.",
    });
  });

  it('says plainly when a site takes no files at all', () => {
    expect(checkUpload({ kind: png, size: 1000, channel: 'web', siteAllowed: [] })).toMatchObject({
      message: "Images can't be sent in this chat.",
    });
  });
});

describe('checkUpload: sizes', () => {
  it('accepts a file of exactly the limit', () => {
    expect(checkUpload({ kind: pdf, size: 25 * MIB, channel: 'web' })).toEqual({ ok: true });
  });

  it('refuses an oversize file with a 413 naming both sizes in MB', () => {
    expect(checkUpload({ kind: pdf, size: Math.round(31.2 * MIB), channel: 'web' })).toEqual({
      ok: false,
      status: 413,
      code: 'payload_too_large',
      message: 'This file is 31.2 MB; files can be at most 25 MB.',
    });
  });

  it('never shows a file one byte over the limit as the limit', () => {
    expect(checkUpload({ kind: pdf, size: 25 * MIB + 1, channel: 'web' })).toMatchObject({
      message: 'This file is 25.1 MB; files can be at most 25 MB.',
    });
  });

  it('applies a lower site limit, but never a higher one', () => {
    expect(checkUpload({ kind: pdf, size: 12 * MIB, channel: 'web', siteMaxBytes: 10 * MIB })).toMatchObject({
      status: 413,
      message: 'This file is 12.0 MB; files can be at most 10 MB.',
    });
    expect(checkUpload({ kind: pdf, size: 30 * MIB, channel: 'web', siteMaxBytes: 100 * MIB })).toMatchObject(
      {
        status: 413,
        message: 'This file is 30.0 MB; files can be at most 25 MB.',
      },
    );
  });

  it('checks the type before the size', () => {
    expect(checkUpload({ kind: video, size: 100 * MIB, channel: 'web' })).toMatchObject({ status: 415 });
  });
});

describe('checkUpload: SMS (MMS)', () => {
  it('limits web uploads to 25 MiB and 10 files, and MMS to images under 5 MB in all', () => {
    expect(CHANNEL_LIMITS.web).toEqual({ maxFileBytes: 25 * MIB, maxFiles: 10 });
    expect(CHANNEL_LIMITS.sms.maxTotalBytes).toBeLessThanOrEqual(5_000_000);
    expect(CHANNEL_LIMITS.sms.allowed).toEqual(['image']);
    expect(CHANNEL_LIMITS.sms.mimes).toEqual(['image/jpeg', 'image/png', 'image/gif']);
  });

  it('lets a PNG through', () => {
    expect(checkUpload({ kind: png, size: 300_000, channel: 'sms' })).toEqual({ ok: true });
  });

  it('refuses a PDF, sending the person to the web chat', () => {
    expect(checkUpload({ kind: pdf, size: 300_000, channel: 'sms' })).toEqual({
      ok: false,
      status: 415,
      code: 'unsupported_type',
      message: 'Text messages can carry images only (PNG, JPEG, GIF); send the file in a web chat instead.',
    });
  });

  it('refuses an image type handsets may not get (WebP)', () => {
    expect(checkUpload({ kind: webp, size: 300_000, channel: 'sms' })).toMatchObject({ status: 415 });
  });

  it('refuses images when the site takes none, without offering what SMS cannot carry', () => {
    expect(checkUpload({ kind: png, size: 1000, channel: 'sms', siteAllowed: ['pdf'] })).toMatchObject({
      status: 415,
      message: "Images can't be sent in this chat.",
    });
  });

  it('refuses an image over the MMS limit', () => {
    expect(checkUpload({ kind: png, size: 6 * MIB, channel: 'sms' })).toEqual({
      ok: false,
      status: 413,
      code: 'payload_too_large',
      message: 'This image is 6.0 MB; a text message can carry at most 4.7 MB.',
    });
  });

  it('counts the images already on the message', () => {
    expect(checkUpload({ kind: png, size: 2 * MIB, channel: 'sms', attachedBytes: 3 * MIB })).toMatchObject({
      status: 413,
      message: 'These images add up to 5.0 MB; a text message can carry at most 4.7 MB.',
    });
    expect(checkUpload({ kind: png, size: 2 * MIB, channel: 'sms', attachedBytes: 2 * MIB })).toEqual({
      ok: true,
    });
  });
});
