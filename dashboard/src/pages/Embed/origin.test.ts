import { describe, expect, it } from 'vitest';
import { checkOrigin } from './origin.js';

describe('checkOrigin', () => {
  it('accepts an origin, forgiving a trailing slash and capitals', () => {
    expect(checkOrigin(' https://Shop.Example.com/ ', [])).toEqual({
      ok: true,
      origin: 'https://shop.example.com',
    });
    expect(checkOrigin('http://localhost:8080', [])).toEqual({ ok: true, origin: 'http://localhost:8080' });
  });

  it('refuses paths, other schemes, blanks and duplicates with a message', () => {
    for (const bad of [
      'https://example.com/shop',
      'ftp://example.com',
      'example.com',
      '',
      'javascript:alert(1)',
    ]) {
      expect(checkOrigin(bad, [])).toMatchObject({ ok: false, error: expect.stringMatching(/origin like/) });
    }
    expect(checkOrigin('https://a.com', ['https://a.com'])).toEqual({
      ok: false,
      error: 'https://a.com is already allowed',
    });
  });
});
