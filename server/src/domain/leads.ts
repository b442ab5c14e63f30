// Lead data of a conversation (the visitor's contact details and the answers given to the playbook), and the lead
// the chatbot creates when its offline flow has captured a visitor, as LeadBooster's chatbot does.
import type { Conversation, LeadData } from '@livechat/shared/model';
import type { Store } from './store.js';
import type { WriteUnit } from './timeline.js';
import { newId } from './tokens.js';
import type { WebhookService } from './webhooks/index.js';

export function createLeadService(store: Store) {
  return {
    /** Call only for a conversation the caller may see. */
    of: async (conversation: { id: string; visitorId: string }): Promise<LeadData> => ({
      contact: await store.visitors.contact(conversation.visitorId),
      answers: await store.answers.of(conversation.id),
    }),
  };
}

/**
 * The offline flow finished: a lead linked to the contact, their organization (if given) and the conversation, with
 * the answers as its note; `lead.created` goes to the webhooks. Once per conversation: a replayed or re-run capture
 * finds the bot's lead there and does nothing.
 */
export async function captureBotLead(
  store: Store,
  webhooks: Pick<WebhookService, 'enqueue'>,
  unit: WriteUnit,
  conversation: Conversation,
  botName: string,
): Promise<void> {
  const contact = await store.visitors.contact(conversation.visitorId);
  const organizationId = contact.organization
    ? await store.crm.organization(contact.organization, '', newId(), unit.now)
    : null;
  const note = (await store.answers.of(conversation.id))
    .filter((a) => a.field.startsWith('custom.'))
    .map((a) => `${a.question}: ${a.value}`)
    .join('\n');
  const record = await store.crm.insertBotLead({
    id: newId(),
    title: `${contact.organization || contact.name || `Chat #${conversation.number}`} lead`,
    conversationId: conversation.id,
    visitorId: conversation.visitorId,
    organizationId,
    note,
    botName,
    createdAt: unit.now,
  });
  if (!record) return;
  await unit.activity(conversation, {
    kind: 'lead_created',
    actor: null,
    text: `${botName} created the lead "${record.title}"`,
    data: { recordId: record.id, title: record.title },
  });
  await webhooks.enqueue('lead.created', { lead: record });
}
