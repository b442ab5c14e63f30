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

  it('keeps only the origin of an address pasted with a path', () => {
    expect(checkOrigin('https://shop.example.com/products?x=1', [])).toEqual({
      ok: true,
      origin: 'https://shop.example.com',
    });
  });

  it('refuses other schemes, blanks and duplicates with a sentence', () => {
    for (const bad of ['ftp://example.com', 'example.com', '', 'javascript:alert(1)']) {
      expect(checkOrigin(bad, [])).toEqual({ ok: false, error: 'Enter an origin like https://example.com.' });
    }
    expect(checkOrigin('https://a.com/page', ['https://a.com'])).toEqual({
      ok: false,
      error: 'https://a.com is already allowed.',
    });
  });
});
