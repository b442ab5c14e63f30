import type { AssigneeBody, Team } from '@livechat/shared/api';
import type {
  Activity,
  Agent,
  Attachment,
  Conversation,
  Message,
  SavedReply,
  VisitorContext,
} from '@livechat/shared/model';
import { useMemo } from 'preact/hooks';
import type { Colleague } from '../../api/index.js';
import { timelineItems } from '../../state/activities.js';
import type { Gone } from '../../state/gone.js';
import type { Thread } from '../../state/thread.js';
import { Composer } from './composer.js';
import { useSmsContact } from './use-sms-contact.js';
import { ConversationActions } from './conversation-actions.js';
import { ConversationHeader } from './conversation-header.js';
import { MessageList } from './message-list.js';
import { SidePanel } from './side-panel.js';
import { TypingLine, useReadWhileOpen } from './receipts.js';

export interface ConversationHandlers {
  onDraft: (text: string) => void;
  onSend: (text: string, attachments: readonly Attachment[]) => boolean;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  onAssign: () => Promise<string | null>;
  onReassign: (target: AssigneeBody) => Promise<string | null>;
  onClose: (closingMessageId: string | null) => Promise<string | null>;
  onReopen: () => Promise<string | null>;
  /** Admins only: the conversation is deleted for good. */
  onDelete: () => Promise<string | null>;
  onTags: (tags: string[]) => Promise<string | null>;
  onNote: (body: string) => Promise<string | null>;
  onRecordCreated: () => void;
}

interface Props extends ConversationHandlers {
  conversationId: string;
  conversation: Conversation | undefined;
  thread: Thread | undefined;
  /** Undefined until loaded. */
  activities: readonly Activity[] | undefined;
  /** The agent lost sight of it (a colleague has it now), and why. */
  gone: Gone | undefined;
  /** Unknown, or not the agent's to see: the server answers both alike, and so does this view. */
  notFound: boolean;
  /** The visitor context pushed live since the view opened, if any (the side panel's "Visitor"). */
  visitorContext?: VisitorContext | undefined;
  agent: Agent;
  colleagues: readonly Colleague[];
  teams: readonly Team[];
  replies: readonly SavedReply[];
  draft: string;
}

const NO_ACTIVITIES: readonly Activity[] = [];

function lastVisitorSeq(messages: readonly Message[]): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.author.kind === 'visitor') return messages[i]!.seq;
  }
  return 0;
}

/** The seq of the newest message that carries files (0 for none): the Gallery refreshes when it changes. */
function lastFilesSeq(messages: readonly Message[]): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.attachments?.length) return messages[i]!.seq;
  }
  return 0;
}

export function ConversationView(props: Props) {
  const { conversationId, conversation: c, thread, agent, colleagues } = props;
  const messages = thread?.messages ?? [];
  const activities = props.activities ?? NO_ACTIVITIES;
  const visitorSeq = useMemo(() => lastVisitorSeq(messages), [messages]);
  const filesVersion = useMemo(() => lastFilesSeq(messages), [messages]);
  const items = useMemo(() => timelineItems(messages, activities), [messages, activities]);
  const label = c ? `Conversation #${c.number}` : 'Conversation';
  const smsContact = useSmsContact(c);
  // Read up to the newest message shown, while it is open and the tab visible.
  useReadWhileOpen(conversationId, messages[messages.length - 1]?.seq ?? 0);

  if (props.gone) return <GoneNotice gone={props.gone} colleagues={colleagues} />;
  if (props.notFound) return <EmptyThread text="Conversation not found." />;
  // Nothing to act on before the conversation is known (it may turn out not to be found).
  if (!c && thread?.status !== 'ready') {
    if (thread?.status === 'error')
      return <EmptyThread text={thread.error ?? 'Something went wrong'} alert />;
    return <EmptyThread text="Loading conversation…" />;
  }
  return (
    <section class="inbox__thread" aria-label={label}>
      <ConversationHeader
        conversation={c}
        agentId={agent.id}
        colleagues={colleagues}
        teams={props.teams}
        smsContact={smsContact}
      />
      <ConversationActions
        key={conversationId}
        conversation={c}
        colleagues={colleagues}
        teams={props.teams}
        onAssign={props.onAssign}
        onReassign={props.onReassign}
        onClose={props.onClose}
        onReopen={props.onReopen}
        onDelete={agent.role === 'admin' ? props.onDelete : undefined}
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
            items={items}
            pending={thread?.pending ?? []}
            agentId={agent.id}
            agentName={agent.name}
            visitorName={c?.visitorName ?? null}
            onRetry={props.onRetry}
            onDiscard={props.onDiscard}
          />
          <TypingLine conversationId={conversationId} />
          <Composer
            key={conversationId}
            conversationId={conversationId}
            closed={c?.status === 'closed'}
            draft={props.draft}
            onDraft={props.onDraft}
            onSend={props.onSend}
            onNote={props.onNote}
            replies={props.replies}
            agentName={agent.name}
            channel={c?.channel}
            smsOptedOut={smsContact?.smsOptedOut === true}
          />
        </div>
        <SidePanel
          key={conversationId}
          conversationId={conversationId}
          conversation={c}
          lastVisitorSeq={visitorSeq}
          visitorContext={props.visitorContext}
          filesVersion={filesVersion}
          ready={thread?.status === 'ready'}
          onTags={props.onTags}
          onRecordCreated={props.onRecordCreated}
        />
      </div>
    </section>
  );
}

/** The thread pane without a conversation to show: a short, neutral line. */
function EmptyThread({ text, alert }: { text: string; alert?: boolean }) {
  return (
    <section class="inbox__thread inbox__thread--empty" aria-label="Conversation">
      <p class="empty" role={alert ? 'alert' : 'status'}>
        {text}
      </p>
    </section>
  );
}

/** Why the chat left the agent's view: the server's words for their own action, else who has it when known. */
export function goneText(gone: Gone, colleagues: readonly Colleague[]): string {
  if (gone.notice) return gone.notice;
  const name = gone.assigneeId && colleagues.find((c) => c.id === gone.assigneeId)?.name;
  return name
    ? `Handed to ${name}. You can no longer see this chat.`
    : 'This chat is now with a colleague. You can no longer see it.';
}

function GoneNotice({ gone, colleagues }: { gone: Gone; colleagues: readonly Colleague[] }) {
  return <EmptyThread text={goneText(gone, colleagues)} />;
}
