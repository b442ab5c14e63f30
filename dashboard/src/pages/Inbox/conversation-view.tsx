import type { Agent, Conversation } from '@livechat/shared/model';
import type { Thread } from '../../state/thread.js';
import { Avatar } from '../../components/avatar.js';
import { RelativeTime } from '../../components/relative-time.js';
import { MessageList } from './message-list.js';
import { ReplyBox } from './reply-box.js';

interface Props {
  conversationId: string;
  conversation: Conversation | undefined;
  thread: Thread | undefined;
  agent: Agent;
  draft: string;
  onDraft: (text: string) => void;
  onSend: (text: string) => boolean;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

export function ConversationView(props: Props) {
  const { conversationId, conversation: c, thread, agent } = props;
  const closed = c?.status === 'closed';
  return (
    <section class="inbox__thread" aria-label={c ? `Conversation #${c.number}` : 'Conversation'}>
      <header class="pane-header thread-header">
        {c ? (
          <>
            <Avatar name={c.visitorName} />
            <div class="thread-header__who">
              <h2 class="thread-header__title">
                <span class="thread-header__number">#{c.number}</span> {c.visitorName}
              </h2>
              <div class="thread-header__sub">
                <span class={`badge badge--${c.status}`}>{c.status === 'open' ? 'Open' : 'Closed'}</span>
                <span>
                  Started <RelativeTime ts={c.createdAt} />
                </span>
                {c.assigneeId && <span>{c.assigneeId === agent.id ? 'Assigned to you' : 'Assigned'}</span>}
              </div>
            </div>
          </>
        ) : (
          <h2 class="thread-header__title">Conversation</h2>
        )}
      </header>
      {thread?.error && (
        <p class="form-error thread-error" role="alert">
          {thread.error}
        </p>
      )}
      <MessageList
        conversationId={conversationId}
        loading={thread?.status === 'loading'}
        messages={thread?.messages ?? []}
        pending={thread?.pending ?? []}
        agentId={agent.id}
        agentName={agent.name}
        onRetry={props.onRetry}
        onDiscard={props.onDiscard}
      />
      <ReplyBox
        key={conversationId}
        initial={props.draft}
        onDraft={props.onDraft}
        onSend={props.onSend}
        disabledReason={closed ? 'This conversation is closed.' : null}
      />
    </section>
  );
}
