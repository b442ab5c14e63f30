import type { Agent, Conversation, Message } from '@livechat/shared/model';
import { useMemo } from 'preact/hooks';
import type { Thread } from '../../state/thread.js';
import { Avatar } from '../../components/avatar.js';
import { RelativeTime } from '../../components/relative-time.js';
import { ConversationBadges } from '../../components/conversation-badges.js';
import { AssignBar } from './assign-bar.js';
import { LeadPanel } from './lead-panel.js';
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
  onAssign: () => Promise<string | null>;
}

function lastVisitorSeq(messages: readonly Message[]): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.author.kind === 'visitor') return messages[i]!.seq;
  }
  return 0;
}

export function ConversationView(props: Props) {
  const { conversationId, conversation: c, thread, agent } = props;
  const closed = c?.status === 'closed';
  const messages = thread?.messages ?? [];
  const visitorSeq = useMemo(() => lastVisitorSeq(messages), [messages]);
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
                <ConversationBadges conversation={c} />
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
      <AssignBar
        key={conversationId}
        canAssign={c?.status === 'open' && c.assigneeId === null}
        onAssign={props.onAssign}
      />
      {thread?.error && (
        <p class="form-error thread-error" role="alert">
          {thread.error}
        </p>
      )}
      <div class="thread-body">
        <div class="thread-main">
          <MessageList
            conversationId={conversationId}
            loading={thread?.status === 'loading'}
            messages={messages}
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
        </div>
        <LeadPanel
          key={conversationId}
          conversationId={conversationId}
          lastVisitorSeq={visitorSeq}
          ready={thread?.status === 'ready'}
        />
      </div>
    </section>
  );
}
