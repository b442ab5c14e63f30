import { describe, expect, it } from 'vitest';
import { createRecentEmoji, RECENT_EMOJI_KEY, type RecentEmojiStorage } from './recent.js';

function memoryStorage(
  initial: Record<string, string> = {},
): RecentEmojiStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

const throwing: RecentEmojiStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
};

describe('createRecentEmoji', () => {
  it('starts empty and lists the most recent first', () => {
    const recent = createRecentEmoji(memoryStorage());
    expect(recent.list()).toEqual([]);
    recent.add('👍');
    recent.add('❤️');
    recent.add('😂');
    expect(recent.list()).toEqual(['😂', '❤️', '👍']);
  });

  it('moves a reused emoji to the front instead of listing it twice', () => {
    const recent = createRecentEmoji(memoryStorage());
    for (const char of ['👍', '❤️', '😂', '👍']) recent.add(char);
    expect(recent.list()).toEqual(['👍', '😂', '❤️']);
  });

  it('keeps at most max, dropping the oldest', () => {
    const recent = createRecentEmoji(memoryStorage(), 'k', 3);
    for (const char of ['😀', '😃', '😄', '😁', '😆']) recent.add(char);
    expect(recent.list()).toEqual(['😆', '😁', '😄']);
  });

  it('keeps 24 by default', () => {
    const recent = createRecentEmoji(null);
    const smileys = ['😀', '😃', '😄', '😁', '😆', '😅', '🤣', '😂', '🙂', '🙃', '😉', '😊', '😇'];
    const people = ['👋', '🖐️', '✋', '👌', '✌️', '🤞', '🤘', '🤙', '👈', '👉', '☝️', '👍', '👎'];
    for (const char of [...smileys, ...people]) recent.add(char);
    expect(recent.list()).toHaveLength(24);
    expect(recent.list()[0]).toBe('👎');
  });

  it('saves to storage under its key and reads it back in a new store', () => {
    const storage = memoryStorage();
    const first = createRecentEmoji(storage);
    first.add('👍');
    first.add('🎉');
    expect(JSON.parse(storage.data[RECENT_EMOJI_KEY]!)).toEqual(['🎉', '👍']);
    expect(createRecentEmoji(storage).list()).toEqual(['🎉', '👍']);
    expect(createRecentEmoji(storage, 'other:key').list()).toEqual([]);
  });

  it('ignores emoji the dataset does not offer, when added and when stored', () => {
    const storage = memoryStorage({
      [RECENT_EMOJI_KEY]: JSON.stringify(['👍', 'not emoji', 42, null, '👍🏽', '👍', '❤', '🎉']),
    });
    const recent = createRecentEmoji(storage);
    expect(recent.list()).toEqual(['👍', '🎉']);
    recent.add('x');
    recent.add('👍🏽');
    recent.add('');
    expect(recent.list()).toEqual(['👍', '🎉']);
  });

  it('starts afresh on corrupt or odd stored values', () => {
    for (const value of ['{not json', '"👍"', '{"0":"👍"}', 'null', '']) {
      const storage = memoryStorage({ [RECENT_EMOJI_KEY]: value });
      const recent = createRecentEmoji(storage);
      expect(recent.list(), value).toEqual([]);
      recent.add('👍');
      expect(JSON.parse(storage.data[RECENT_EMOJI_KEY]!), value).toEqual(['👍']);
    }
  });

  it('caps an over-long stored list to max', () => {
    const storage = memoryStorage({ k: JSON.stringify(['😀', '😃', '😄', '😁']) });
    expect(createRecentEmoji(storage, 'k', 2).list()).toEqual(['😀', '😃']);
  });

  it('never throws when storage does, and still works for the page', () => {
    const recent = createRecentEmoji(throwing);
    expect(recent.list()).toEqual([]);
    expect(() => recent.add('👍')).not.toThrow();
    recent.add('🎉');
    expect(recent.list()).toEqual(['🎉', '👍']);
  });

  it('works without storage', () => {
    const recent = createRecentEmoji(null);
    recent.add('👍');
    expect(recent.list()).toEqual(['👍']);
  });

  it('hands out copies, so callers cannot change the list', () => {
    const recent = createRecentEmoji(null);
    recent.add('👍');
    recent.list().push('🎉');
    expect(recent.list()).toEqual(['👍']);
  });
});
