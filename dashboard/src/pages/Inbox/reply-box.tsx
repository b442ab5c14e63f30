import type { SavedReply } from '@livechat/shared/model';
import { LIMITS } from '@livechat/shared/protocol/constants';
import { smsTooLong } from '@livechat/shared/sms';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { insertReply } from './slash-query.js';
import { SavedReplyPicker } from './saved-reply-picker.js';
import { useSavedReplyPicker } from './use-saved-reply-picker.js';
import { SmsCounter } from '../Sms/sms-counter.js';

interface Props {
  /** Text typed earlier in this conversation, kept while the agent looks at another one. */
  initial: string;
  onDraft: (text: string) => void;
  /** Returns false when the text was not accepted (empty or too long). */
  onSend: (text: string) => boolean;
  /** Offered after "/" in the box. */
  replies: readonly SavedReply[];
  /** An SMS conversation: the counter of characters and segments, and no sending past the provider's limit. */
  sms?: boolean;
}

/** Show the counter once the agent is close to the length limit. */
const COUNTER_FROM = LIMITS.maxMessageLength * 0.9;
const VERTICAL = new Set(['ArrowUp', 'ArrowDown']);
const CARET_KEYS = new Set([...VERTICAL, 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

export function ReplyBox({ initial, onDraft, onSend, replies, sms = false }: Props) {
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const box = useRef<HTMLTextAreaElement>(null);
  /** Where to put the caret after the next render (a saved reply was inserted). */
  const moveCaret = useRef<number | null>(null);
  const hintId = useId();
  const counterId = useId();
  const tooLong = sms && smsTooLong(text);

  const update = (value: string, at: number) => {
    setText(value);
    setCaret(at);
    onDraft(value);
  };
  const picker = useSavedReplyPicker(replies, text, caret, (reply, slash) => {
    const { value, caret: at } = insertReply(text, slash, reply.body);
    moveCaret.current = at;
    update(value, at);
  });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || moveCaret.current === null) return;
    el.focus();
    el.setSelectionRange(moveCaret.current, moveCaret.current);
    moveCaret.current = null;
  });

  const submit = () => {
    if (!text.trim() || tooLong) return;
    if (onSend(text)) update('', 0);
  };
  const syncCaret = (el: HTMLTextAreaElement) => setCaret(el.selectionStart ?? el.value.length);

  return (
    <form
      class="reply"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {picker.open && (
        <SavedReplyPicker
          id={picker.listId}
          replies={picker.matches}
          active={picker.active}
          onChoose={picker.choose}
        />
      )}
      <textarea
        ref={box}
        class="reply__input"
        aria-label="Reply"
        aria-describedby={sms ? `${hintId} ${counterId}` : hintId}
        {...picker.textboxProps}
        placeholder="Write a reply. Enter sends, Shift+Enter adds a line."
        rows={3}
        maxLength={LIMITS.maxMessageLength}
        value={text}
        onInput={(e) =>
          update(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length)
        }
        onClick={(e) => syncCaret(e.currentTarget)}
        onKeyUp={(e) => {
          // Keys that move the caret without typing; the picker's own arrows move its option instead.
          if (CARET_KEYS.has(e.key) && !(picker.open && VERTICAL.has(e.key))) syncCaret(e.currentTarget);
        }}
        onKeyDown={(e) => {
          if (picker.keyDown(e)) return;
          // isComposing: Enter that confirms an IME candidate must not send.
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      {sms && <SmsCounter text={text} id={counterId} />}
      <div class="reply__bar">
        <span class="reply__hint" id={hintId}>
          Type / for saved replies.
        </span>
        {text.length >= COUNTER_FROM && (
          <span class="reply__count">
            {text.length} / {LIMITS.maxMessageLength}
          </span>
        )}
        <button class="button button--primary" type="submit" disabled={tooLong}>
          Send
        </button>
      </div>
    </form>
  );
}
