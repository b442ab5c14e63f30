// The emoji data as objects, parsed from data.ts on first use so that merely importing the module costs nothing.
import { EMOJI_DATA } from './data.js';

export interface Emoji {
  /** The native emoji, ready to insert into text. */
  readonly char: string;
  /** Short lowercase English name ("thumbs up"). */
  readonly name: string;
  /** Lowercase search words ("like", "yes", "ok"). */
  readonly keywords: readonly string[];
}

export interface EmojiCategory {
  readonly id: string;
  readonly label: string;
  readonly emoji: readonly Emoji[];
}

let categories: readonly EmojiCategory[] | undefined;
let byChar: ReadonlyMap<string, Emoji> | undefined;

/** Every category in picker order, each with its emoji in picker order. Parsed once; callers must not mutate. */
export function emojiCategories(): readonly EmojiCategory[] {
  categories ??= EMOJI_DATA.map(([id, label, lines]) => ({
    id,
    label,
    emoji: lines
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [char = '', name = '', keywords = ''] = line.split('|');
        return { char, name, keywords: keywords.split(' ').filter(Boolean) };
      }),
  }));
  return categories;
}

/** The dataset's entry for a native emoji, or undefined when the picker does not offer it. */
export function emojiByChar(char: string): Emoji | undefined {
  byChar ??= new Map(
    emojiCategories().flatMap((category) => category.emoji.map((e) => [e.char, e] as const)),
  );
  return byChar.get(char);
}
