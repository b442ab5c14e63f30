// A contact's SMS conversation: the open one (one per contact and channel), or a new one.
import type { Conversation } from '@livechat/shared/model';
import type { Store, Visitor } from '../store.js';
import { newId } from '../tokens.js';

/**
 * The contact's open SMS conversation, or a new one created with the next number (not yet in the inbox); `byAgent`:
 * an agent's "New" creates it (an agent-started conversation).
 */
export async function smsConversationOf(
  store: Store,
  contact: Visitor,
  now: number,
  byAgent = false,
): Promise<Conversation> {
  const open = await store.conversations.openForVisitor(contact.id, 'sms');
  if (open) return open;
  const id = newId();
  await store.conversations.create({
    id,
    siteId: contact.siteId,
    visitorId: contact.id,
    now,
    channel: 'sms',
    startedByAgent: byAgent,
  });
  return (await store.conversations.byId(id))!;
}
