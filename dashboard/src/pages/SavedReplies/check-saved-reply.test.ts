import { describe, expect, it } from 'vitest';
import { LIMITS } from '@livechat/shared/protocol/constants';
import { checkSavedReply } from './check-saved-reply.js';

describe('checkSavedReply', () => {
  it('accepts a valid reply and normalizes the shortcut', () => {
    expect(checkSavedReply({ shortcut: ' Refund-Policy ', body: 'We refund within 30 days.' })).toEqual({
      ok: true,
      input: { shortcut: 'refund-policy', body: 'We refund within 30 days.', personal: false },
    });
  });

  it('drops the "/" typed before the shortcut', () => {
    expect(checkSavedReply({ shortcut: '/Price', body: 'From 9 EUR.' })).toEqual({
      ok: true,
      input: { shortcut: 'price', body: 'From 9 EUR.', personal: false },
    });
  });

  it.each([
    ['/', 'Enter a shortcut.'],
    ['', 'Enter a shortcut.'],
    ['   ', 'Enter a shortcut.'],
    ['-thanks', 'Use lowercase letters, digits and "-", starting with a letter or digit.'],
    ['two words', 'Use lowercase letters, digits and "-", starting with a letter or digit.'],
    ['x'.repeat(33), 'Use at most 32 characters.'],
  ])('refuses the shortcut %j', (shortcut, message) => {
    expect(checkSavedReply({ shortcut, body: 'Hi' })).toEqual({ ok: false, errors: { shortcut: message } });
  });

  it('refuses an empty or too long text, with the shortcut at once', () => {
    expect(checkSavedReply({ shortcut: '', body: '  ' })).toEqual({
      ok: false,
      errors: { shortcut: 'Enter a shortcut.', body: 'Enter the reply text.' },
    });
    expect(checkSavedReply({ shortcut: 'ok', body: 'x'.repeat(LIMITS.maxMessageLength + 1) })).toEqual({
      ok: false,
      errors: { body: `Use at most ${LIMITS.maxMessageLength} characters.` },
    });
  });
});
