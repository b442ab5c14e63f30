import { describe, expect, it } from 'vitest';
import { formatRelative } from './format-time.js';

describe('formatRelative', () => {
  const now = Date.UTC(2025, 5, 15, 12, 0, 0);
  it('uses short ages, then a date', () => {
    expect(formatRelative(now - 20_000, now)).toBe('now');
    expect(formatRelative(now + 5_000, now)).toBe('now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5m');
    expect(formatRelative(now - 3 * 3_600_000, now)).toBe('3h');
    expect(formatRelative(now - 2 * 86_400_000, now)).toBe('2d');
    expect(formatRelative(now - 30 * 86_400_000, now)).toMatch(/May/);
  });
});
