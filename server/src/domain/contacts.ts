// Contacts: the people conversations are with, on every channel. Every agent may find a contact and text them; the
// profile lists only the conversations the viewer may see (a colleague's chat stays invisible). "New" starts (or
// continues) the contact's conversation on a channel with a first message from the agent, who then holds it.
import type { ContactSummary, NewConversationBody } from '@livechat/shared/api';
import type { Agent, Conversation, Message } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { normalizeAddress } from '@livechat/shared/sms';
import { agentCanSee, viewerOf } from './access.js';
import { DomainError, notFound } from './errors.js';
import type { SmsChannel } from './sms/channel.js';
import { QUEUED } from './sms/channel.js';
import { contactByAddress } from './sms/contacts-by-address.js';
import { smsConversationOf } from './sms/conversations.js';
import { isUniqueViolation, type Store, type Visitor } from './store.js';
import type { Timeline } from './timeline.js';
import type { JoinChat } from './assignment.js';
import { toSummary } from './contact-profiles.js';
import { assertWebVisitor, webChatFor } from './web-start.js';

export interface NewConversation {
  conversation: Conversation;
  message: Message;
}

export function createContactService(
  store: Store,
  timeline: Timeline,
  sms: SmsChannel,
  now: () => number,
  joinChat: JoinChat,
) {
  /** The contact a "New" message goes to: the one named, or the one with that number (created if new). */
  async function recipient(body: NewConversationBody): Promise<Visitor> {
    if (body.contactId !== undefined) {
      const contact = await store.visitors.byId(body.contactId);
      if (!contact || contact.siteId !== body.siteId) throw notFound('Contact');
      if (body.channel === 'web') await assertWebVisitor(store, contact);
      return contact;
    }
    const address = normalizeAddress(body.to ?? '');
    if (address.kind === 'invalid') throw new DomainError(ErrorCode.InvalidRequest, address.reason, 'to');
    if (address.kind !== 'e164')
      throw new DomainError(
        ErrorCode.InvalidRequest,
        'Texts can be sent to phone numbers only, not to short codes or sender IDs.',
        'to',
      );
    if (!(await store.sites.byId(body.siteId))) throw notFound('Site');
    return contactByAddress(store, body.siteId, address.value, now());
  }

  return {
    list: async (agent: Agent, q: string | undefined, limit: number): Promise<ContactSummary[]> =>
      (await store.visitors.searchContacts(q || null, limit, viewerOf(agent))).map(toSummary),

    async profile(
      agent: Agent,
      id: string,
    ): Promise<{ contact: ContactSummary; conversations: Conversation[] }> {
      const contact = await store.visitors.contactById(id, viewerOf(agent));
      if (!contact) throw notFound('Contact');
      const conversations = await store.conversations.search({ visitorId: id, limit: 200 }, viewerOf(agent));
      return { contact: toSummary(contact), conversations };
    },

    /** The green "New": a first text (idempotent by client id), from the agent, who holds the conversation. */
    async start(agent: Agent, body: NewConversationBody): Promise<NewConversation> {
      const stored = await store.messages.byClientId('agent', agent.id, body.clientId);
      if (stored)
        return { conversation: (await store.conversations.byId(stored.conversationId))!, message: stored };
      const contact = await recipient(body);
      try {
        return await write(agent, contact, body);
      } catch (error) {
        // A twin of this command on another node, or its first text opening the conversation there, took a unique
        // key: the twin's message answers this one; otherwise the unit runs once more.
        if (!isUniqueViolation(error)) throw error;
        const twin = await store.messages.byClientId('agent', agent.id, body.clientId);
        if (twin)
          return { conversation: (await store.conversations.byId(twin.conversationId))!, message: twin };
        return write(agent, contact, body);
      }
    },
  };

  function write(agent: Agent, contact: Visitor, body: NewConversationBody): Promise<NewConversation> {
    const author = { kind: 'agent' as const, id: agent.id, name: agent.name };
    if (body.channel === 'web')
      return timeline.commit(
        async (unit) => {
          const conversation = await webChatFor(store, joinChat, unit, agent, contact);
          const message = await unit.post(conversation.id, author, body.body, { clientId: body.clientId });
          return { conversation: unit.current(conversation.id)!, message };
        },
        { visitorId: contact.id },
      );
    return timeline.commit(
      async (unit) => {
        const route = await sms.route(contact.siteId, contact.id, body.body);
        const taken = new DomainError(
          ErrorCode.AlreadyAssigned,
          'A colleague is already texting with this contact; ask them or an admin to hand the conversation over.',
        );
        let conversation = await smsConversationOf(store, contact, unit.now, true);
        if (conversation.assigneeId === null) {
          // Whoever texts first holds it (a new conversation, or one waiting in Unassigned).
          const before = conversation;
          const claimed = await store.conversations.claim(conversation.id, agent.id, unit.now);
          if (!claimed) throw taken;
          conversation = claimed;
          unit.changed(conversation, before);
          await unit.activity(conversation, {
            kind: 'assigned',
            actor: { id: agent.id, name: agent.name },
            text: `${agent.name} texted ${contact.name} and took this conversation`,
            data: { assigneeId: agent.id, assigneeName: agent.name },
          });
        } else if (!(await agentCanSee(agent, conversation, store))) throw taken;
        const message = await unit.post(conversation.id, author, body.body, {
          clientId: body.clientId,
          delivery: QUEUED,
        });
        await sms.enqueue(unit, message, route);
        return { conversation: unit.current(conversation.id)!, message };
      },
      { visitorId: contact.id },
    );
  }
}
export type ContactService = ReturnType<typeof createContactService>;
