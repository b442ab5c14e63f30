import type { Message } from '@livechat/shared/model';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PendingReply } from '../../state/thread.js';
import { MessageItem } from './message-item.js';
import { PendingItem } from './pending-item.js';

interface Props {
  conversationId: string;
  /** History is still being fetched. */
  loading: boolean;
  messages: readonly Message[];
  pending: readonly PendingReply[];
  agentId: string;
  agentName: string;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** Within this many pixels of the bottom the list follows new messages; further up, the agent is reading history. */
const STICK_PX = 80;

export function MessageList({
  conversationId,
  loading,
  messages,
  pending,
  agentId,
  agentName,
  onRetry,
  onDiscard,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useLayoutEffect(() => {
    stick.current = true;
  }, [conversationId]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [conversationId, messages, pending]);

  const onScroll = () => {
    const el = ref.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };

  return (
    // The log is a div around the list: role="log" on the <ol> itself would orphan its <li>s.
    <div class="thread" ref={ref} onScroll={onScroll} role="log" aria-label="Messages" aria-busy={loading}>
      <ol class="thread__list">
        {loading && messages.length === 0 && <li class="empty">Loading messages…</li>}
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} mine={m.author.kind === 'agent' && m.author.id === agentId} />
        ))}
        {pending.map((p) => (
          <PendingItem
            key={p.clientId}
            reply={p}
            authorName={agentName}
            onRetry={() => onRetry(p.clientId)}
            onDiscard={() => onDiscard(p.clientId)}
          />
        ))}
      </ol>
    </div>
  );
}
