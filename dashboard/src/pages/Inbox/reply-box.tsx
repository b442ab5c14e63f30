import { LIMITS } from '@livechat/shared/protocol/constants';
import { useState } from 'preact/hooks';

interface Props {
  /** Text typed earlier in this conversation, kept while the agent looks at another one. */
  initial: string;
  onDraft: (text: string) => void;
  /** Returns false when the text was not accepted (empty or too long). */
  onSend: (text: string) => boolean;
  disabledReason: string | null;
}

/** Show the counter once the agent is close to the length limit. */
const COUNTER_FROM = LIMITS.maxMessageLength * 0.9;

export function ReplyBox({ initial, onDraft, onSend, disabledReason }: Props) {
  const [text, setText] = useState(initial);

  const update = (value: string) => {
    setText(value);
    onDraft(value);
  };
  const submit = () => {
    if (disabledReason || !text.trim()) return;
    if (onSend(text)) update('');
  };

  return (
    <form
      class="reply"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {disabledReason && <p class="reply__notice">{disabledReason}</p>}
      <textarea
        class="reply__input"
        aria-label="Reply"
        placeholder="Write a reply. Enter sends, Shift+Enter adds a line."
        rows={3}
        maxLength={LIMITS.maxMessageLength}
        disabled={disabledReason !== null}
        value={text}
        onInput={(e) => update(e.currentTarget.value)}
        onKeyDown={(e) => {
          // isComposing: Enter that confirms an IME candidate must not send.
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <div class="reply__bar">
        {text.length >= COUNTER_FROM && (
          <span class="reply__count">
            {text.length} / {LIMITS.maxMessageLength}
          </span>
        )}
        <button class="button button--primary" type="submit" disabled={disabledReason !== null}>
          Send
        </button>
      </div>
    </form>
  );
}
