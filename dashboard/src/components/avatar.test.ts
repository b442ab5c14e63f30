import { describe, expect, it } from 'vitest';
import { initials } from './avatar.js';

describe('initials', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initials('Ann Marie Novak')).toBe('AN');
    expect(initials('ana')).toBe('A');
  });

  it('shows a handset for someone known only by their number, not the digits', () => {
    expect(initials('+1 415 555 0123')).toBe('☎');
    expect(initials('12345')).toBe('☎');
  });
});
