import type { SavedReply } from '@livechat/shared/model';
import { useEffect, useId, useState } from 'preact/hooks';
import { matchReplies, slashQueryAt, type SlashQuery } from './slash-query.js';
import { optionId } from './saved-reply-picker.js';

export interface PickerControls {
  open: boolean;
  listId: string;
  matches: readonly SavedReply[];
  active: number;
  /** Attributes for the reply box: it owns the focus and points at the active option. */
  textboxProps: {
    'aria-autocomplete': 'list';
    'aria-controls': string | undefined;
    'aria-activedescendant': string | undefined;
  };
  /** The picker's keys (arrows, Enter, Tab, Escape) while it is open; true when the key was handled. */
  keyDown: (e: KeyboardEvent) => boolean;
  choose: (reply: SavedReply) => void;
}

/**
 * The saved-reply picker of a text box: open while a "/query" ends at the caret and some reply matches it, until
 * Escape. Choosing calls `onChoose` with the reply and the "/query" it replaces.
 */
export function useSavedReplyPicker(
  replies: readonly SavedReply[],
  text: string,
  caret: number,
  onChoose: (reply: SavedReply, slash: SlashQuery) => void,
): PickerControls {
  const listId = useId();
  const [active, setActive] = useState(0);
  /** Where the "/" was that Escape dismissed; typing another one opens the picker again. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const slash = slashQueryAt(text, caret);
  const matches = slash ? matchReplies(replies, slash.query) : [];
  const open = slash !== null && matches.length > 0 && dismissedAt !== slash.start;
  const current = Math.min(active, Math.max(0, matches.length - 1));

  useEffect(() => setActive(0), [slash?.start, slash?.query]);
  useEffect(() => {
    if (slash === null) setDismissedAt(null);
  }, [slash === null]);

  const choose = (reply: SavedReply) => {
    if (slash) onChoose(reply, slash);
  };

  const keyDown = (e: KeyboardEvent): boolean => {
    if (!open || !slash) return false;
    const n = matches.length;
    switch (e.key) {
      case 'ArrowDown':
        setActive((current + 1) % n);
        break;
      case 'ArrowUp':
        setActive((current - 1 + n) % n);
        break;
      case 'Enter':
      case 'Tab':
        if (e.shiftKey || e.isComposing) return false;
        choose(matches[current]!);
        break;
      case 'Escape':
        setDismissedAt(slash.start);
        break;
      default:
        return false;
    }
    e.preventDefault();
    return true;
  };

  return {
    open,
    listId,
    matches,
    active: current,
    textboxProps: {
      'aria-autocomplete': 'list',
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open ? optionId(listId, current) : undefined,
    },
    keyDown,
    choose,
  };
}
