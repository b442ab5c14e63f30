import { describe, expect, it } from 'vitest';
import { checkWebhook } from './check-webhook.js';

describe('checkWebhook', () => {
  it('accepts an http(s) URL with at least one event', () => {
    expect(checkWebhook({ url: ' https://crm.example.com/hooks ', events: ['lead.created'] })).toEqual({
      ok: true,
      input: { url: 'https://crm.example.com/hooks', events: ['lead.created'] },
    });
    expect(checkWebhook({ url: 'http://localhost:9000/x', events: ['deal.created'] }).ok).toBe(true);
  });

  it('asks for a URL left empty', () => {
    expect(checkWebhook({ url: '  ', events: ['lead.created'] })).toEqual({
      ok: false,
      errors: { url: 'Enter the endpoint URL.' },
    });
  });

  it.each(['crm.example.com/hooks', 'ftp://example.com/x', 'javascript:alert(1)'])(
    'refuses the URL %j',
    (url) => {
      expect(checkWebhook({ url, events: ['lead.created'] })).toEqual({
        ok: false,
        errors: { url: 'Enter the full address of your endpoint, starting with https:// or http://.' },
      });
    },
  );

  it('needs an event', () => {
    expect(checkWebhook({ url: 'https://x.example', events: [] })).toEqual({
      ok: false,
      errors: { events: 'Choose at least one event.' },
    });
  });
});
