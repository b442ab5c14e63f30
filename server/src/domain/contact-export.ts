// A data subject's copy (admins): everything stored about a contact, as one JSON document. Their details,
// attributes, tags and notes; every conversation of theirs on every channel with its messages, timeline, details,
// the playbook's answers and the texts' deliveries; the leads and deals that name them; and every file (sent in their
// conversations or uploaded by them and never sent) with its bytes, base64-encoded inline.
import type { ContactExport } from '@livechat/shared/api';
import type { Agent } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { toSummary } from './contact-profiles.js';
import { DomainError, notFound } from './errors.js';
import type { BlobStore } from './media/blob-store.js';
import type { Store } from './store.js';

/** Messages read per query. */
const PAGE = 500;

export function createContactExport(store: Store, blobs: BlobStore, now: () => number) {
  async function allMessages(conversationId: string) {
    const out = [];
    for (let after = 0; ;) {
      const page = await store.messages.after(conversationId, after, PAGE);
      out.push(...page);
      if (page.length < PAGE) return out;
      after = page[page.length - 1]!.seq;
    }
  }

  return {
    /** Admins only. */
    async export(agent: Agent, id: string): Promise<ContactExport> {
      if (agent.role !== 'admin')
        throw new DomainError(ErrorCode.Forbidden, 'Only admins can export a contact.');
      const contact = await store.visitors.contactById(id);
      if (!contact) throw notFound('Contact');
      const profiles = store.contactProfiles;
      const conversations = [];
      for (const conversationId of await profiles.conversationIds(id)) {
        const conversation = await store.conversations.byId(conversationId);
        if (!conversation) continue;
        conversations.push({
          conversation,
          messages: await allMessages(conversationId),
          activities: await store.activities.of(conversationId),
          details: { ...(await store.details.of(conversationId)) },
          answers: (await store.answers.of(conversationId)).map((a) => ({ ...a })),
          smsDeliveries: await profiles.smsDeliveries(conversationId),
        });
      }
      const files = [];
      for (const file of await profiles.files(id)) {
        const bytes = await blobs.get(file.id);
        files.push({ ...file, base64: bytes ? bytes.toString('base64') : null });
      }
      return {
        exportedAt: now(),
        contact: { ...toSummary(contact), organization: (await store.visitors.contact(id)).organization },
        attributes: await profiles.attributes(id),
        tags: await profiles.tags(id),
        notes: await profiles.notes(id),
        conversations,
        records: await profiles.records(id),
        files,
      };
    },
  };
}
export type ContactExportService = ReturnType<typeof createContactExport>;
