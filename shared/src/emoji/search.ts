// Emoji search for both pickers: every word typed must match the start of a name word or of a keyword; whole words
// rank above prefixes, and the name above keywords.
import { emojiCategories, type Emoji } from './catalog.js';

interface Entry {
  emoji: Emoji;
  words: string[];
}

let index: Entry[] | undefined;

/** Query and names split alike; ":thumbs_up:" (chat-style shortcodes) reads as "thumbs up". */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[\s,:_-]+/)
    .filter(Boolean);

/**
 * How well one typed word matches, as [score, slack]; higher score first, then lower slack. A whole name word scores
 * 4; the start of a name word or a whole keyword 3; the start of a keyword 1; nothing 0. Slack counts the letters a
 * prefix match leaves untyped, so a whole keyword ("tea") beats a longer name word ("tear"), and the shortest
 * completion wins ("smi": smiling before smirking).
 */
function wordMatch(word: string, entry: Entry): [score: number, slack: number] {
  let best: [number, number] = [0, 0];
  const consider = (candidate: string, whole: number, prefix: number) => {
    if (!candidate.startsWith(word)) return;
    const slack = candidate.length - word.length;
    const score = slack ? prefix : whole;
    if (score > best[0] || (score === best[0] && slack < best[1])) best = [score, slack];
  };
  for (const w of entry.words) consider(w, 4, 3);
  for (const k of entry.emoji.keywords) consider(k, 3, 1);
  return best;
}

/**
 * Emoji matching every word of the query, best first: by total score, then total slack, then shorter names (the more
 * specific: "red heart" before "smiling face with heart-eyes"), then picker order. An empty query finds nothing.
 */
export function searchEmoji(query: string, limit = 48): Emoji[] {
  const typed = words(query);
  if (typed.length === 0 || !(limit > 0)) return [];
  index ??= emojiCategories().flatMap((c) => c.emoji.map((emoji) => ({ emoji, words: words(emoji.name) })));
  const found: { entry: Entry; score: number; slack: number; order: number }[] = [];
  index.forEach((entry, order) => {
    let score = 0;
    let slack = 0;
    for (const word of typed) {
      const [s, extra] = wordMatch(word, entry);
      if (!s) return;
      score += s;
      slack += extra;
    }
    found.push({ entry, score, slack, order });
  });
  found.sort(
    (a, b) =>
      b.score - a.score ||
      a.slack - b.slack ||
      a.entry.words.length - b.entry.words.length ||
      a.order - b.order,
  );
  return found.slice(0, limit).map((f) => f.entry.emoji);
}
