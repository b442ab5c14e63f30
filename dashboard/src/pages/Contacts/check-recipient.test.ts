import { describe, expect, it } from 'vitest';
import { checkRecipient } from './check-recipient.js';

describe('checkRecipient', () => {
  it('takes a phone number written any common way, and short codes as they are', () => {
    expect(checkRecipient(' +1 (415) 555-0100 ')).toEqual({
      ok: true,
      value: '+14155550100',
      shown: '+1 415 555 0100',
    });
    expect(checkRecipient('24680')).toEqual({ ok: true, value: '24680', shown: '24680' });
  });

  it('says why it cannot text the rest', () => {
    expect(checkRecipient(' ')).toEqual({
      ok: false,
      reason: 'Enter the phone number to text.',
    });
    expect(checkRecipient('ACME')).toEqual({
      ok: false,
      reason: 'A sender ID cannot receive texts. Enter a phone number.',
    });
    expect(checkRecipient('(415) 555-0100')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/country code/),
    });
  });
});
