import { Fragment } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { TimelineItem } from '../../state/activities.js';
import type { PendingReply } from '../../state/thread.js';
import { ActivityItem } from './activity-item.js';
import { MessageItem } from './message-item.js';
import { PendingItem } from './pending-item.js';
import { SeenMark, useSeen } from './receipts.js';

interface Props {
  conversationId: string;
  /** History is still being fetched. */
  loading: boolean;
  /** Messages and agents-only activities, merged by time. */
  items: readonly TimelineItem[];
  pending: readonly PendingReply[];
  agentId: string;
  agentName: string;
  /** The contact's current name, shown on every visitor message (they may have said it after writing). */
  visitorName: string | null;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** Within this many pixels of the bottom the list follows new messages; further up, the agent is reading history. */
const STICK_PX = 80;

export function MessageList({
  conversationId,
  loading,
  items,
  pending,
  agentId,
  agentName,
  visitorName,
  onRetry,
  onDiscard,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const seen = useSeen(conversationId, items);

  useLayoutEffect(() => {
    stick.current = true;
  }, [conversationId]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [conversationId, items, pending]);

  const onScroll = () => {
    const el = ref.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };

  return (
    // The log is a div around the list: role="log" on the <ol> itself would orphan its <li>s.
    <div class="thread" ref={ref} onScroll={onScroll} role="log" aria-label="Messages" aria-busy={loading}>
      <ol class="thread__list">
        {loading && items.length === 0 && <li class="empty">Loading messages…</li>}
        {items.map((item) =>
          item.kind === 'message' ? (
            <Fragment key={item.message.id}>
              <MessageItem
                message={item.message}
                mine={item.message.author.kind === 'agent' && item.message.author.id === agentId}
                visitorName={visitorName}
              />
              {seen?.messageId === item.message.id && <SeenMark readAt={seen.readAt} />}
            </Fragment>
          ) : (
            <ActivityItem key={`a-${item.activity.id}`} activity={item.activity} />
          ),
        )}
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
