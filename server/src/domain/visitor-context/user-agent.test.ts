import { describe, expect, it } from 'vitest';
import { parseUserAgent } from './user-agent.js';
import { firstLanguage } from './next-context.js';

describe('parseUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      { browser: 'Chrome 131', os: 'Windows 10' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      { browser: 'Safari 17.5', os: 'iOS 17.5' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      { browser: 'Chrome 131', os: 'Android 14' },
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
      { browser: 'Firefox 133', os: 'Linux' },
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      { browser: 'Safari 17.5', os: 'macOS Catalina' },
    ],
  ])('%s', (header, expected) => {
    expect(parseUserAgent(header)).toEqual(expected);
  });

  it('says nothing for a missing, empty, unknown or oversized header', () => {
    for (const header of [undefined, '', '   ', 'curl-ish', `Mozilla/5.0 ${'x'.repeat(2000)}`]) {
      const { browser, os } = parseUserAgent(header);
      expect(browser === null || !/x{10}/.test(browser), String(header)).toBe(true);
      expect(os).toBeNull();
    }
    expect(parseUserAgent(undefined)).toEqual({ browser: null, os: null });
  });
});

describe('firstLanguage', () => {
  it('takes the first tag of Accept-Language', () => {
    expect(firstLanguage('tr-TR,tr;q=0.9,en;q=0.8')).toBe('tr-TR');
    expect(firstLanguage('sl')).toBe('sl');
    expect(firstLanguage('*')).toBeUndefined();
    expect(firstLanguage(undefined)).toBeUndefined();
  });
});
