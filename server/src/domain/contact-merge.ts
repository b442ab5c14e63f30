// Merging duplicate contacts (admins): the other contact goes into this one without losing history. Their
// conversations move as they are (ids, numbers, messages and seqs untouched) and each gets a timeline entry; their
// attributes, tags and notes join this contact's (this contact's value wins on a key); the SMS address moves with its
// opt-out (an opted-out number stays opted out); the other row is deleted.
//
// Refused in words (409), changing nothing: when both have an open conversation on one channel (a contact has one
// open conversation per channel), when both text from a number (a contact has one), when together they would pass
// the attribute or tag limits.
//
// Widgets. A web visitor's browser holds a token that names their row. When the contact merged away chatted through
// the widget and this one never did (an SMS contact), their token moves here: the browser keeps its chats, and its
// open sockets are told to reconnect (they come back as this contact). When both chatted through the widget, the
// merged-away browser's token is dropped with its row, so that browser starts over as a new visitor: it never sees
// the other browser's chats. Merging two web visitors on the strength of an email someone typed must not hand one
// browser the other's conversations (emails are not verified); no alias keeps the old token alive.
import { MAX_ATTRIBUTES, MAX_CONTACT_TAGS, attributeKeyNorm } from '@livechat/shared/api';
import type { Agent, Conversation } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { viewerOf } from './access.js';
import { toSummary } from './contact-profiles.js';
import { DomainError, notFound } from './errors.js';
import type { EventBus } from './events.js';
import type { Store } from './store.js';
import type { Timeline } from './timeline.js';

export function createContactMergeService(store: Store, timeline: Timeline, events: EventBus) {
  const profiles = store.contactProfiles;

  /** Every conversation of the contact, whoever may see it (the merge decides on all of them). */
  async function conversationsOf(visitorId: string): Promise<Conversation[]> {
    const out: Conversation[] = [];
    for (const id of await profiles.conversationIds(visitorId)) {
      const c = await store.conversations.byId(id);
      if (c) out.push(c);
    }
    return out;
  }

  /** Why the two cannot be one contact, or null. */
  async function refusal(intoId: string, fromId: string): Promise<string | null> {
    const [into, from] = await Promise.all([conversationsOf(intoId), conversationsOf(fromId)]);
    for (const mine of into.filter((c) => c.status === 'open')) {
      const theirs = from.find((c) => c.status === 'open' && c.channel === mine.channel);
      if (theirs)
        return `Both contacts have an open ${CHANNEL_NAMES[mine.channel]} conversation. Close conversation #${mine.number} or #${theirs.number} first.`;
    }
    const [a, b] = await Promise.all([profiles.identity(intoId), profiles.identity(fromId)]);
    if (a?.smsAddress && b?.smsAddress)
      return 'Both contacts text from a number of their own, and a contact has one number. Keep both contacts.';
    const keys = new Set(
      [...(await profiles.attributes(intoId)), ...(await profiles.attributes(fromId))].map((x) =>
        attributeKeyNorm(x.key),
      ),
    );
    if (keys.size > MAX_ATTRIBUTES)
      return `Together they have ${keys.size} attributes; a contact has at most ${MAX_ATTRIBUTES}. Remove some first.`;
    const tags = new Set([...(await profiles.tags(intoId)), ...(await profiles.tags(fromId))]);
    if (tags.size > MAX_CONTACT_TAGS)
      return `Together they have ${tags.size} tags; a contact has at most ${MAX_CONTACT_TAGS}. Remove some first.`;
    return null;
  }

  return {
    /** Admins only: merges contact `fromId` into `intoId`; resolves with the contact and how many conversations moved. */
    async merge(agent: Agent, intoId: string, fromId: string) {
      if (agent.role !== 'admin')
        throw new DomainError(ErrorCode.Forbidden, 'Only admins can merge contacts.');
      if (intoId === fromId)
        throw new DomainError(
          ErrorCode.InvalidRequest,
          'Choose another contact to merge into this one.',
          'otherId',
        );
      const { moved, tokenMoved } = await timeline.commit(async (unit) => {
        await profiles.lockContacts([intoId, fromId].sort());
        const [into, from] = await Promise.all([
          store.visitors.contactById(intoId),
          store.visitors.contactById(fromId),
        ]);
        if (!into || !from) throw notFound('Contact');
        if (into.siteId !== from.siteId)
          throw new DomainError(ErrorCode.Conflict, 'These contacts belong to different websites.');
        const why = await refusal(intoId, fromId);
        if (why) throw new DomainError(ErrorCode.Conflict, why);
        const [a, b] = await Promise.all([profiles.identity(intoId), profiles.identity(fromId)]);
        const moveToken = Boolean(b?.hasWidget && !a?.hasWidget);
        const conversations = await conversationsOf(fromId);
        await profiles.merge(intoId, fromId, moveToken);
        const moved: Conversation[] = [];
        for (const c of conversations) {
          const now = (await store.conversations.byId(c.id))!;
          unit.changed(now, c);
          await unit.activity(now, {
            kind: 'contact_merged',
            actor: { id: agent.id, name: agent.name },
            text: `${agent.name} merged the contact ${from.name} into ${into.name}`,
            data: { mergedContactId: fromId, contactId: intoId },
          });
          moved.push(now);
        }
        return { moved, tokenMoved: moveToken };
      });
      events.publish({ type: 'contact.merged', fromId, intoId, tokenMoved });
      const contact = await store.visitors.contactById(intoId, viewerOf(agent));
      return { contact: toSummary(contact!), movedConversations: moved.length };
    },
  };
}
export type ContactMergeService = ReturnType<typeof createContactMergeService>;

const CHANNEL_NAMES: Record<Conversation['channel'], string> = { web: 'website chat', sms: 'text message' };
