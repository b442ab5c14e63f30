import { describe, expect, it } from 'vitest';
import { emojiByChar, emojiCategories } from './catalog.js';

const all = () => emojiCategories().flatMap((c) => c.emoji);
// Built at run time: the v flag is newer than the TypeScript target, though Node has it.
const rgiEmoji = new RegExp('^\\p{RGI_Emoji}$', 'v');
const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];

describe('emoji dataset', () => {
  it('has the standard categories in order, none empty', () => {
    expect(emojiCategories().map((c) => c.id)).toEqual([
      'smileys',
      'people',
      'animals',
      'food',
      'travel',
      'activities',
      'objects',
      'symbols',
      'flags',
    ]);
    for (const category of emojiCategories()) {
      expect(category.label, category.id).not.toBe('');
      expect(category.emoji.length, category.id).toBeGreaterThan(0);
    }
  });

  it('holds about 300 to 400 emoji, none twice', () => {
    const chars = all().map((e) => e.char);
    expect(chars.length).toBeGreaterThanOrEqual(300);
    expect(chars.length).toBeLessThanOrEqual(400);
    expect(new Set(chars).size).toBe(chars.length);
  });

  it('gives each emoji a single grapheme cluster that is an emoji, not text', () => {
    for (const { char } of all()) {
      expect(graphemes(char), char).toHaveLength(1);
      expect(char, char).toMatch(rgiEmoji);
      // Characters that default to text need U+FE0F to show as emoji (❤ vs ❤️).
      expect(/^\p{Emoji_Presentation}/u.test(char) || char.includes('\uFE0F'), char).toBe(true);
    }
  });

  it('has no skin-tone variants', () => {
    for (const { char } of all()) expect(char, char).not.toMatch(/[\u{1F3FB}-\u{1F3FF}]/u);
  });

  it('names every emoji in lowercase, names unique, keywords lowercase words', () => {
    const names = all().map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { char, name, keywords } of all()) {
      expect(name, char).toMatch(/^[a-z0-9][a-z0-9 -]*[a-z0-9]$/);
      for (const keyword of keywords) expect(keyword, char).toMatch(/^[a-z0-9+]+$/);
    }
  });

  it('parses once and finds entries by char', () => {
    expect(emojiCategories()).toBe(emojiCategories());
    expect(emojiByChar('👍')).toEqual({
      char: '👍',
      name: 'thumbs up',
      keywords: ['like', 'yes', 'ok', 'agree', 'approve', '+1'],
    });
    expect(emojiByChar('❤️')?.name).toBe('red heart');
    expect(emojiByChar('❤')).toBeUndefined(); // the text form is not the dataset's char
    expect(emojiByChar('a')).toBeUndefined();
  });
});
