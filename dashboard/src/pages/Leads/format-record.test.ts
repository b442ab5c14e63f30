import { describe, expect, it } from 'vitest';
import { formatDay, formatMoney, formatMoment } from './format-record.js';

describe('record formatting', () => {
  it('formats money with its currency and exact decimals', () => {
    expect(formatMoney({ amount: '1250', currency: 'EUR' }, 'en-US')).toBe('€1,250.00');
    expect(formatMoney({ amount: '99.9', currency: 'USD' }, 'en-US')).toBe('$99.90');
    expect(formatMoney({ amount: '999999999999.99', currency: 'GBP' }, 'en-US')).toBe('£999,999,999,999.99');
  });

  it('shows a calendar date as the same day whatever the time zone', () => {
    expect(formatDay('2026-12-31', 'en-US')).toBe('Dec 31, 2026');
    expect(formatDay('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
  });

  it('shows a moment with date and time', () => {
    expect(formatMoment(Date.UTC(2025, 0, 6, 9, 0), 'en-US')).toMatch(/^Jan \d, 2025, \d{1,2}:\d{2}/);
  });
});
