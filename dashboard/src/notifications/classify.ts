// Which socket frames are worth an agent's attention, and whether to tell them now. Pure: no DOM, no clock.
import type { Conversation, NotificationSettings } from '@livechat/shared/model';
import type { AgentServerFrame } from '@livechat/shared/protocol';

/** The kinds of alert; each is switched on and off by the setting of the same name. */
export type AlertKind = 'newChat' | 'assignedToMe' | 'newMessage';

export interface Alert {
  kind: AlertKind;
  conversationId: string;
  title: string;
  body: string;
}

export interface AlertContext {
  /** The signed-in agent. */
  agentId: string;
  /** What the dashboard knew of the frame's conversation before the frame arrived; undefined if nothing. */
  previous: Conversation | undefined;
}

export interface DecisionContext extends AlertContext {
  /** null until the agent's settings have loaded: nothing is shown before. */
  settings: NotificationSettings | null;
  /** The conversation on screen: open in the inbox while the tab has focus. null when none, or in the background. */
  viewing: string | null;
}

const MAX_BODY = 200;

const clip = (text: string) => (text.length > MAX_BODY ? `${text.slice(0, MAX_BODY - 1)}…` : text);
const about = (name: string, text: string | null) => clip(text ? `${name}: ${text}` : name);

/** The conversation a frame is about, if any. */
export function frameConversationId(frame: AgentServerFrame): string | null {
  switch (frame.type) {
    case 'conversation.updated':
      return frame.conversation.id;
    case 'message.created':
    case 'message.updated':
      return frame.message.conversationId;
    case 'conversation.removed':
    case 'activity.created':
    case 'visitor.context.updated':
    case 'typing':
    case 'read.moved':
    case 'welcome':
    case 'ack':
    case 'error':
    case 'pong':
      return null;
  }
}

/** Waits in Unassigned: open, nobody's, and handed to the team (the bot alone does not queue it). */
const isQueued = (c: Conversation) => c.status === 'open' && c.assigneeId === null && c.queuedAt !== null;

/**
 * What the frame means to this agent:
 * - newChat: a conversation entered Unassigned (it was unknown, not queued, or queued at another time);
 * - assignedToMe: an open conversation became the agent's (from nobody or a colleague);
 * - newMessage: a visitor wrote in an open conversation assigned to the agent.
 */
export function classify(frame: AgentServerFrame, { agentId, previous }: AlertContext): Alert | null {
  if (frame.type === 'conversation.updated') {
    const c = frame.conversation;
    const preview = about(c.visitorName, c.lastMessagePreview);
    if (isQueued(c) && !(previous && isQueued(previous) && previous.queuedAt === c.queuedAt))
      return { kind: 'newChat', conversationId: c.id, title: 'New chat', body: preview };
    if (c.status === 'open' && c.assigneeId === agentId && previous?.assigneeId !== agentId)
      return { kind: 'assignedToMe', conversationId: c.id, title: 'Chat assigned to you', body: preview };
    return null;
  }
  if (frame.type === 'message.created') {
    const m = frame.message;
    if (m.author.kind !== 'visitor' || previous?.assigneeId !== agentId || previous.status !== 'open')
      return null;
    return {
      kind: 'newMessage',
      conversationId: m.conversationId,
      title: 'New message',
      body: about(m.author.name, m.body),
    };
  }
  return null;
}

/** Whether to show an alert: its kind is switched on, and the agent is not looking at that conversation already. */
export function shouldNotify(
  alert: Alert,
  settings: NotificationSettings | null,
  viewing: string | null,
): boolean {
  return !!settings?.[alert.kind] && alert.conversationId !== viewing;
}

/** The decision in one call: the notification to show for a frame, or null. */
export function decideNotification(frame: AgentServerFrame, context: DecisionContext): Alert | null {
  const alert = classify(frame, context);
  return alert && shouldNotify(alert, context.settings, context.viewing) ? alert : null;
}

/** Whether the conversation no longer waits for this agent (closed, or a colleague has it): its unread count goes. */
export function leftAgent(frame: AgentServerFrame, agentId: string): string | null {
  if (frame.type === 'conversation.removed') return frame.conversationId;
  if (frame.type !== 'conversation.updated') return null;
  const c = frame.conversation;
  const waitsForAgent = c.status === 'open' && (c.assigneeId === null || c.assigneeId === agentId);
  return waitsForAgent ? null : c.id;
}
