// Saved replies in the reply box: "/" at the start or after a space opens them, filtered by what follows it.
import type { SavedReply } from '@livechat/shared/model';

/** The "/query" being typed: from the slash to the caret. */
export interface SlashQuery {
  start: number;
  end: number;
  query: string;
}

/** The picker shows at most this many. */
export const MAX_MATCHES = 8;

/** The "/query" ending at the caret, if the slash starts the text or follows whitespace; null otherwise. */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const match = /(?:^|\s)\/([^\s/]*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1]!;
  return { start: caret - query.length - 1, end: caret, query };
}

/** Replies whose shortcut starts with the query, then those whose shortcut or body contains it. */
export function matchReplies(replies: readonly SavedReply[], query: string): SavedReply[] {
  const q = query.toLowerCase();
  const starts = replies.filter((r) => r.shortcut.toLowerCase().startsWith(q));
  const contains = replies.filter(
    (r) => !starts.includes(r) && (r.shortcut.toLowerCase().includes(q) || r.body.toLowerCase().includes(q)),
  );
  return [...starts, ...contains].slice(0, MAX_MATCHES);
}

/** Puts `body` where the "/query" was; the caret goes after it. */
export function insertReply(text: string, slash: SlashQuery, body: string): { value: string; caret: number } {
  const value = text.slice(0, slash.start) + body + text.slice(slash.end);
  return { value, caret: slash.start + body.length };
}
