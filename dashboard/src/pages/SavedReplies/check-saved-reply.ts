// The saved reply form's own check, with the server's schema, so it refuses (and cleans) exactly as the server does.
import { SavedReplyInputSchema } from '@livechat/shared/api';
import type { SavedReplyInput } from '../../api/index.js';

export type ReplyField = 'shortcut' | 'body';
export const REPLY_FIELDS: readonly ReplyField[] = ['shortcut', 'body'];
export type ReplyErrors = Partial<Record<ReplyField, string>>;

export type ReplyCheck = { ok: true; input: SavedReplyInput } | { ok: false; errors: ReplyErrors };

/** The shortcut is trimmed, lowercased and loses a leading "/" ("/Price" is "price"), as the server stores it. */
export function checkSavedReply(input: SavedReplyInput): ReplyCheck {
  const parsed = SavedReplyInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: ReplyErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field !== 'shortcut' && field !== 'body') || errors[field]) continue;
    errors[field] = field === 'body' && !input.body.trim() ? 'Enter the reply text.' : issue.message;
  }
  return { ok: false, errors };
}
