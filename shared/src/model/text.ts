// Text must be well-formed UTF-16 (no lone surrogate, such as half of an emoji): a lone surrogate has no UTF-8
// encoding, so it cannot be stored and read back as it was sent. Refused at the boundary rather than silently
// replaced, so what the sender sees acked is exactly what everyone replays. Clients never produce one themselves.
// NUL (U+0000) is refused too: PostgreSQL text cannot hold it, and no keyboard types it.
import { z } from 'zod';

export const BROKEN_CHARACTER_MESSAGE =
  'This text contains a broken character (half of an emoji or symbol); remove it and try again.';

/** Scans for a lone surrogate; for runtimes without String.prototype.isWellFormed (exported for its test). */
export function scanWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++; // a high surrogate followed by a low one: one astral character
  }
  return true;
}

/** True when `text` has no lone UTF-16 surrogate and no NUL. */
export function isWellFormedText(text: string): boolean {
  if (text.includes('\0')) return false;
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : scanWellFormed(text);
}

/** A string that can be stored and replayed exactly: refuses lone surrogates. */
export const WellFormedString = z.string().refine(isWellFormedText, BROKEN_CHARACTER_MESSAGE);

/** The first `max` UTF-16 units of `text`, shortened by one rather than cutting an astral character in half. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
