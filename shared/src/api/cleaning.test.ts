import { describe, expect, it } from 'vitest';
import { OriginSchema } from '../model/site.js';
import { EmailSchema } from '../model/agent.js';
import { SavedReplyInputSchema, UpdateSiteBodySchema } from './schemas.js';

describe('inputs are cleaned before validation (server and dashboard alike)', () => {
  it('drops the "/" typed before a saved reply shortcut', () => {
    expect(SavedReplyInputSchema.parse({ shortcut: '/price', body: 'From 9 EUR' }).shortcut).toBe('price');
    expect(SavedReplyInputSchema.parse({ shortcut: ' /Price-List ', body: 'x' }).shortcut).toBe('price-list');
    expect(SavedReplyInputSchema.partial().parse({ shortcut: '//hi' }).shortcut).toBe('hi');
  });

  it('still refuses a shortcut that is only a slash, in words', () => {
    const result = SavedReplyInputSchema.safeParse({ shortcut: '/', body: 'x' });
    expect(result.error?.issues[0]?.message).toBe('Enter a shortcut.');
  });

  it('reduces a pasted address with a path to its origin', () => {
    expect(OriginSchema.parse('https://shop.example.com/products?x=1')).toBe('https://shop.example.com');
    expect(OriginSchema.parse(' HTTPS://Shop.Example.com:8443/a#b ')).toBe('https://shop.example.com:8443');
    expect(OriginSchema.parse('http://localhost:8080/')).toBe('http://localhost:8080');
    expect(OriginSchema.parse('https://example.com')).toBe('https://example.com');
    expect(UpdateSiteBodySchema.parse({ allowedOrigins: ['https://a.example/x'] })).toEqual({
      allowedOrigins: ['https://a.example'],
    });
  });

  it('keeps the valid-origin rule for what is not a web address', () => {
    for (const bad of [
      'example.com',
      'ftp://example.com',
      'javascript:alert(1)',
      'https://',
      'https://exa mple.com',
    ]) {
      const result = OriginSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Enter an origin like https://example.com.');
    }
  });

  it('trims and lower-cases emails', () => {
    expect(EmailSchema.parse('  Ann@Example.COM ')).toBe('ann@example.com');
  });
});
