// "New" on the web: an agent writes to a visitor the site has seen. The message goes into the visitor's open web chat
// (continued) or a new one, which the agent holds: it is theirs (and invisible to colleagues, as any chat of theirs).
// Nothing is pushed: the visitor's widget replays the chat on their next visit, and until they open it the launcher
// counts the agent's messages (see visitor-unread.ts).
import type { Agent, Conversation } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { agentCanSee } from './access.js';
import type { JoinChat } from './assignment.js';
import { DomainError } from './errors.js';
import type { Store, Visitor } from './store.js';
import type { WriteUnit } from './timeline.js';
import { newId } from './tokens.js';

/** Refused in words: the contact never came through the widget (an SMS contact), so no chat can reach them. */
export async function assertWebVisitor(store: Store, contact: Visitor): Promise<void> {
  const identity = await store.contactProfiles.identity(contact.id);
  if (!identity?.hasWidget)
    throw new DomainError(
      ErrorCode.InvalidRequest,
      `${contact.name} has never been on your website, so a web chat cannot reach them; send a text message instead.`,
      'channel',
    );
}

/** The visitor's open web chat, held by `agent` (claimed if it waited for anyone), or a new one started by them. */
export async function webChatFor(
  store: Store,
  joinChat: JoinChat,
  unit: WriteUnit,
  agent: Agent,
  contact: Visitor,
): Promise<Conversation> {
  let conversation = await store.conversations.openForVisitor(contact.id, 'web');
  const continued = conversation !== null;
  if (!conversation) {
    // A visitor starting a chat at the same moment takes the one-open-per-visitor key: the caller runs this again.
    const id = newId();
    await store.conversations.create({
      id,
      siteId: contact.siteId,
      visitorId: contact.id,
      now: unit.now,
      channel: 'web',
      startedByAgent: true,
    });
    conversation = (await store.conversations.byId(id))!;
  }
  if (conversation.assigneeId === agent.id) return conversation;
  const taken = new DomainError(
    ErrorCode.AlreadyAssigned,
    'A colleague is already chatting with this visitor; ask them or an admin to hand the conversation over.',
  );
  if (conversation.assigneeId !== null || (continued && !(await agentCanSee(agent, conversation, store))))
    throw taken;
  const claimed = await store.conversations.claim(conversation.id, agent.id, unit.now);
  if (!claimed) throw taken;
  // As "Assign to me": the bot stops, the visitor reads "<agent> joined the chat", the timeline says who took it.
  await joinChat(unit, { actor: agent }, agent, conversation, claimed);
  return claimed;
}
