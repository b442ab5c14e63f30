import { describe, expect, it } from 'vitest';
import { emojiCategories } from './catalog.js';
import { searchEmoji } from './search.js';

const chars = (query: string, limit?: number) => searchEmoji(query, limit).map((e) => e.char);
const names = (query: string) => searchEmoji(query).map((e) => e.name);

describe('searchEmoji', () => {
  it('finds nothing for an empty or blank query, or a word no emoji has', () => {
    expect(searchEmoji('')).toEqual([]);
    expect(searchEmoji('   ')).toEqual([]);
    expect(searchEmoji('xyzzy')).toEqual([]);
    expect(searchEmoji('thumbs xyzzy')).toEqual([]);
  });

  it('puts smiling and grinning faces first for "smi"', () => {
    const found = names('smi');
    expect(found.length).toBeGreaterThan(10);
    for (const name of found.slice(0, 10)) expect(name).toMatch(/smiling|grinning/);
    // Name matches come before keyword-only matches ("smile" on grinning face).
    const smiling = found.findIndex((n) => !n.includes('smiling'));
    expect(found.slice(smiling).some((n) => n.includes('smiling'))).toBe(false);
    expect(found).toContain('grinning face');
  });

  it('finds the red heart first for "heart"', () => {
    expect(chars('heart')[0]).toBe('❤️');
    expect(chars('Heart')[0]).toBe('❤️');
  });

  it('matches several words, each by prefix', () => {
    expect(chars('thumbs up')[0]).toBe('👍');
    expect(chars('thumbs up')).not.toContain('👎');
    expect(chars('thu u')[0]).toBe('👍');
    expect(chars('  THUMBS   Up ')[0]).toBe('👍');
    expect(chars(':thumbs_up:')[0]).toBe('👍');
    expect(chars('red heart')[0]).toBe('❤️');
  });

  it('finds emoji by keyword, below name matches', () => {
    expect(chars('agree')[0]).toBe('👍'); // 🤝 "agreement" follows: a whole keyword beats a prefix
    expect(chars('+1')).toEqual(['👍']);
    expect(chars('like')).toContain('👍');
    const cat = names('cat');
    expect(cat[0]).toBe('cat face');
  });

  it('prefers a whole word to a prefix, and the shortest completion among prefixes', () => {
    expect(names('sun')[0]).toBe('sun');
    expect(names('fire')[0]).toBe('fire');
    expect(chars('car')[0]).toBe('🚗'); // keyword "car" before "shopping cart"
    expect(chars('tea').slice(0, 3)).toEqual(['🧋', '☕', '🍵']); // "bubble tea", then keyword "tea", before "tear"
    expect(names('smi').indexOf('smirking face')).toBeGreaterThan(
      names('smi').indexOf('smiling face with tear'),
    );
  });

  it('respects the limit', () => {
    expect(searchEmoji('face').length).toBe(48);
    expect(searchEmoji('face', 5).length).toBe(5);
    expect(searchEmoji('face', 0)).toEqual([]);
    expect(searchEmoji('face', 1000).length).toBeGreaterThan(48);
  });

  it('returns dataset entries', () => {
    const [first] = searchEmoji('thumbs up');
    const thumbsUp = emojiCategories()
      .flatMap((c) => c.emoji)
      .find((e) => e.char === '👍');
    expect(first).toBe(thumbsUp);
  });
});
