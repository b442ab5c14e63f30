import { describe, expect, it } from 'vitest';
import { addUnread, clearUnread, totalUnread, unreadTitle, type Unread } from './unread.js';

describe('unread', () => {
  it('counts per conversation and clears one', () => {
    let unread: Unread = new Map();
    unread = addUnread(addUnread(addUnread(unread, 'a'), 'a'), 'b');
    expect(totalUnread(unread)).toBe(3);
    unread = clearUnread(unread, 'a');
    expect(totalUnread(unread)).toBe(1);
    expect(clearUnread(unread, 'zzz')).toBe(unread);
  });

  it('puts the count before the name in the title', () => {
    expect(unreadTitle(3, 'LiveChat · Agent dashboard')).toBe('(3) LiveChat');
    expect(unreadTitle(0, 'LiveChat · Agent dashboard')).toBe('LiveChat · Agent dashboard');
  });
});
