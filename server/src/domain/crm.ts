// The side panel and what it creates: the contact's details (shared by the visitor's conversations), the
// conversation's deal details, and leads and deals linked to conversation, contact and organization.
import type { CreateRecordBody } from '@livechat/shared/api';
import type { Agent, Conversation, ConversationDetails, CrmRecord, RecordKind } from '@livechat/shared/model';
import type { Store } from './store.js';
import { viewerOf, visibleConversation } from './access.js';
import type { Timeline, WriteUnit } from './timeline.js';
import { newId } from './tokens.js';
import type { WebhookService } from './webhooks/index.js';

export function createCrmService(store: Store, timeline: Timeline, webhooks: WebhookService) {
  const visible = (agent: Agent, conversationId: string): Promise<Conversation> =>
    visibleConversation(store, agent, conversationId);

  async function read(conversation: Conversation): Promise<ConversationDetails> {
    const contact = await store.visitors.contact(conversation.visitorId);
    const stored = await store.details.of(conversation.id);
    return {
      dealValue: stored.dealValue,
      expectedCloseDate: stored.expectedCloseDate,
      contactName: contact.name ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
      organizationName: contact.organization ?? '',
      organizationAddress: stored.organizationAddress,
      note: stored.note,
    };
  }

  /** Writes the panel: contact fields to the visitor, the rest to the conversation. */
  async function write(unit: WriteUnit, conversation: Conversation, d: ConversationDetails): Promise<void> {
    const before = await store.visitors.contact(conversation.visitorId);
    const visitorId = conversation.visitorId;
    await store.visitors.setContactField(visitorId, 'name', d.contactName);
    await store.visitors.setContactField(visitorId, 'email', d.email);
    await store.visitors.setContactField(visitorId, 'phone', d.phone);
    await store.visitors.setContactField(visitorId, 'organization', d.organizationName);
    await store.details.save(
      conversation.id,
      {
        dealValue: d.dealValue,
        expectedCloseDate: d.expectedCloseDate,
        organizationAddress: d.organizationAddress,
        note: d.note,
      },
      unit.now,
    );
    // The inbox shows the contact's name.
    if ((before.name ?? '') !== d.contactName)
      unit.changed((await store.conversations.byId(conversation.id))!);
  }

  const fallbackName = (d: ConversationDetails, c: Conversation) =>
    d.organizationName || d.contactName || `Chat #${c.number}`;

  return {
    /** The panel, pre-filled with what the playbook captured. */
    details: async (agent: Agent, conversationId: string): Promise<ConversationDetails> =>
      read(await visible(agent, conversationId)),

    saveDetails: (
      agent: Agent,
      conversationId: string,
      details: ConversationDetails,
    ): Promise<ConversationDetails> =>
      timeline.commit(
        async (unit) => {
          // Locked first: a concurrent save or close (on another node) waits for this unit's COMMIT.
          await store.conversations.lock(conversationId);
          const conversation = await visible(agent, conversationId);
          await write(unit, conversation, details);
          return read(conversation);
        },
        { conversationId },
      ),

    /** "Create lead" / "Create deal": saves the panel, then the record; the chat stays as it is (even closed). */
    create: (agent: Agent, conversationId: string, body: CreateRecordBody): Promise<CrmRecord> =>
      timeline.commit(
        async (unit) => {
          await store.conversations.lock(conversationId);
          const conversation = await visible(agent, conversationId);
          const d = body.details;
          await write(unit, conversation, d);
          const kind: RecordKind = body.kind;
          const organizationId = d.organizationName
            ? await store.crm.organization(d.organizationName, d.organizationAddress, newId(), unit.now)
            : null;
          const record = await store.crm.insert({
            id: newId(),
            kind,
            title: body.title || `${fallbackName(d, conversation)} ${kind}`,
            value: d.dealValue,
            expectedCloseDate: d.expectedCloseDate,
            conversationId: conversation.id,
            visitorId: conversation.visitorId,
            organizationId,
            note: d.note,
            createdBy: agent.id,
            createdAt: unit.now,
          });
          const label = kind === 'lead' ? 'lead' : 'deal';
          await unit.activity(conversation, {
            kind: kind === 'lead' ? 'lead_created' : 'deal_created',
            actor: { id: agent.id, name: agent.name },
            text: `${agent.name} created the ${label} "${record.title}"`,
            data: { recordId: record.id, title: record.title },
          });
          await webhooks.enqueue(kind === 'lead' ? 'lead.created' : 'deal.created', { [label]: record });
          return record;
        },
        { conversationId },
      ),

    ofConversation: async (agent: Agent, conversationId: string): Promise<CrmRecord[]> =>
      store.crm.ofConversation((await visible(agent, conversationId)).id),

    list: (agent: Agent, kind: RecordKind | null): Promise<CrmRecord[]> =>
      store.crm.list(viewerOf(agent), kind),
  };
}
export type CrmService = ReturnType<typeof createCrmService>;
