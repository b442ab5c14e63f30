import { useEffect, useRef } from 'preact/hooks';
import type { ChatSession } from '../state/chat-session.js';
import { allMessages } from '../state/messages.js';
import { Composer } from './composer.js';
import { MessageList } from './message-list.js';
import { CloseIcon } from './icons.js';
import { useSession } from './use-session.js';

interface Props {
  session: ChatSession;
  onClose: () => void;
}

export function Panel({ session, onClose }: Props) {
  const state = useSession(session);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state.open) input.current?.focus();
  }, [state.open]);

  const online = state.status === 'online';
  const statusText = state.unavailable
    ? 'Offline'
    : online
      ? 'We reply as soon as we can'
      : state.connectedOnce
        ? 'Reconnecting…'
        : 'Connecting…';

  return (
    <section
      class="panel"
      role="dialog"
      aria-labelledby="lc-title"
      hidden={!state.open}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header class="head">
        <div>
          <h2 class="title" id="lc-title">
            Chat with us
          </h2>
          <p class="sub" role="status">
            <span class={online ? 'dot' : 'dot off'} />
            {statusText}
          </p>
        </div>
        <button class="close" type="button" aria-label="Close chat" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      {state.unavailable && <p class="banner">Chat is unavailable on this site</p>}
      <MessageList messages={allMessages(state.messages)} visible={state.open} onRetry={session.retry} />
      <Composer disabled={state.unavailable} onSend={session.send} inputRef={input} />
    </section>
  );
}
