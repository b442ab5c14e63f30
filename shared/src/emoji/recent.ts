// Recently used emoji, most recent first, kept in localStorage (or anything shaped like it). Storage is a nicety
// here: a full quota, a private window, a blocked storage or a corrupt value must never break the picker, so every
// storage call is guarded and the list still works in memory for this page.
import { emojiByChar } from './catalog.js';

export type RecentEmojiStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface RecentEmoji {
  /** Recently used emoji chars, most recent first; a fresh array each call. */
  list(): string[];
  /** Records a use: moves the emoji to the front. Emoji the dataset does not offer are ignored. */
  add(char: string): void;
}

export const RECENT_EMOJI_KEY = 'livechat:emoji:recent';

/** Keeps what the stored value holds that is usable: known emoji, once each, at most max. */
function clean(value: unknown, max: number): string[] {
  if (!Array.isArray(value)) return [];
  const known = value.filter((v): v is string => typeof v === 'string' && emojiByChar(v) !== undefined);
  return [...new Set(known)].slice(0, max);
}

function load(storage: RecentEmojiStorage | null, key: string, max: number): string[] {
  try {
    const raw = storage?.getItem(key);
    return raw ? clean(JSON.parse(raw), max) : [];
  } catch {
    return []; // unreadable storage or bad JSON: start afresh
  }
}

/** A recent-emoji list backed by storage (null: memory only). Reads storage once, on first use. */
export function createRecentEmoji(
  storage: RecentEmojiStorage | null,
  key = RECENT_EMOJI_KEY,
  max = 24,
): RecentEmoji {
  let recent: string[] | undefined;
  const current = (): string[] => (recent ??= load(storage, key, max));
  return {
    list: () => [...current()],
    add(char) {
      if (!emojiByChar(char)) return;
      recent = [char, ...current().filter((c) => c !== char)].slice(0, max);
      try {
        storage?.setItem(key, JSON.stringify(recent));
      } catch {
        // Quota or private mode: the list still works for this page.
      }
    },
  };
}
