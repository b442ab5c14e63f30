import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { LIMITS } from '@livechat/shared/protocol/constants';
import { SendIcon } from './icons.js';

interface Props {
  disabled: boolean;
  /** Returns false when the text was not taken (empty), so it stays in the box. */
  onSend: (body: string) => boolean;
  inputRef: Ref<HTMLTextAreaElement>;
}

export function Composer({ disabled, onSend, inputRef }: Props) {
  const [text, setText] = useState('');
  const submit = (): void => {
    if (onSend(text)) setText('');
  };
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={inputRef}
        aria-label="Message"
        placeholder="Write a message…"
        rows={1}
        maxLength={LIMITS.maxMessageLength}
        value={text}
        disabled={disabled}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter sends, Shift+Enter is a new line; never send in the middle of an IME composition.
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button class="send" type="submit" aria-label="Send" disabled={disabled || !text.trim()}>
        <SendIcon />
      </button>
    </form>
  );
}
