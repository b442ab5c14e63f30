import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { DomainError } from '../errors.js';
import { pdf, png, utf8 } from './fixtures/bytes.js';
import { exifApp1, phoneExif, smallJpeg } from './image-fixtures.js';
import { prepareUpload } from './prepare-upload.js';
import { InvalidImageError } from './strip-metadata.js';

const web = { channel: 'web' } as const;
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as DomainError,
  );

describe('prepareUpload', () => {
  it('stores a phone photo without its EXIF and names it by its bytes', async () => {
    const photo = smallJpeg(exifApp1(phoneExif(false)));
    const prepared = await prepareUpload({ bytes: photo, name: 'IMG_0001.png' }, web);
    expect(prepared.kind).toMatchObject({ mime: 'image/jpeg', category: 'image', inline: true });
    expect(prepared.name).toBe('IMG_0001.png.jpg');
    expect(Buffer.from(prepared.bytes).includes('Exif')).toBe(false);
    expect(prepared.bytes.length).toBeLessThan(photo.length);
  });

  it('keeps other files as they are', async () => {
    const file = pdf();
    const prepared = await prepareUpload({ bytes: file, name: 'Quote.pdf' }, web);
    expect(prepared).toMatchObject({ name: 'Quote.pdf', kind: { mime: 'application/pdf' } });
    expect(Buffer.from(prepared.bytes).equals(file)).toBe(true);
  });

  it('refuses active content whatever its name, an oversized file, and a PDF by text message', async () => {
    const svg = await refusal(
      prepareUpload(
        {
          bytes: utf8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          name: 'cat.png',
        },
        web,
      ),
    );
    expect(svg).toBeInstanceOf(DomainError);
    expect(svg?.code).toBe(ErrorCode.UnsupportedType);

    const big = await refusal(prepareUpload({ bytes: png(), name: 'a.png' }, { ...web, siteMaxBytes: 10 }));
    expect(big?.code).toBe(ErrorCode.PayloadTooLarge);
    expect(big?.message).toMatch(/files can be at most/);

    const mms = await refusal(prepareUpload({ bytes: pdf(), name: 'Quote.pdf' }, { channel: 'sms' }));
    expect(mms?.message).toBe(
      'Text messages can carry images only (PNG, JPEG, GIF); send the file in a web chat instead.',
    );
  });

  it('refuses a damaged image rather than storing it', async () => {
    const cut = png().subarray(0, 40);
    await expect(prepareUpload({ bytes: cut, name: 'a.png' }, web)).rejects.toBeInstanceOf(InvalidImageError);
  });
});
