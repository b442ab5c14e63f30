import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '../state/messages.js';
import { MessageItem } from './message-item.js';

interface Props {
  messages: ChatMessage[];
  /** Scroll to the newest message when the panel is shown, too. */
  visible: boolean;
  onRetry: (clientId: string) => void;
}

export function MessageList({ messages, visible, onRetry }: Props) {
  const log = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [messages.length, visible]);
  return (
    <div class="log" role="log" aria-live="polite" ref={log}>
      {messages.length === 0 && <p class="empty">Hi there! Ask us anything, we are happy to help.</p>}
      {messages.map((m, i) => {
        const prev = messages[i - 1];
        const showAuthor =
          m.author.kind !== 'visitor' &&
          (prev?.author.kind !== m.author.kind || prev.author.name !== m.author.name);
        return <MessageItem key={m.key} message={m} showAuthor={showAuthor} onRetry={onRetry} />;
      })}
    </div>
  );
}
