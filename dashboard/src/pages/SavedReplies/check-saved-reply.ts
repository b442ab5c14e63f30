// The saved reply form's own check, with the server's schema, so it refuses exactly what the server would.
import { SavedReplyInputSchema } from '@livechat/shared/api';
import { LIMITS } from '@livechat/shared/protocol/constants';
import type { SavedReplyInput } from '../../api/index.js';

export type ReplyField = 'shortcut' | 'body';
export const REPLY_FIELDS: readonly ReplyField[] = ['shortcut', 'body'];
export type ReplyErrors = Partial<Record<ReplyField, string>>;

export type ReplyCheck = { ok: true; input: SavedReplyInput } | { ok: false; errors: ReplyErrors };

const MESSAGES: Record<ReplyField, { empty: string; long: string; format: string }> = {
  shortcut: {
    empty: 'Enter a shortcut.',
    long: 'Use at most 32 characters.',
    format: 'Use lowercase letters, digits and "-", starting with a letter or digit.',
  },
  body: {
    empty: 'Enter the reply text.',
    long: `Use at most ${LIMITS.maxMessageLength} characters.`,
    format: 'Enter the reply text.',
  },
};

/** The shortcut is trimmed and lowercased, as the server stores it. */
export function checkSavedReply(input: SavedReplyInput): ReplyCheck {
  const parsed = SavedReplyInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: ReplyErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field !== 'shortcut' && field !== 'body') || errors[field]) continue;
    const messages = MESSAGES[field];
    const empty = issue.code === 'too_small' || (field === 'body' && !input.body.trim());
    errors[field] = empty ? messages.empty : issue.code === 'too_big' ? messages.long : messages.format;
  }
  return { ok: false, errors };
}
