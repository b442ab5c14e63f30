// Contacts as the CRM view of a person: their details, custom attributes, tags and notes, and the contacts who are
// likely the same person. Any agent who may see the contact (one of their conversations is visible to them; admins:
// every contact) reads and edits all of it; a note is deleted only by its author. Notes are the person's, so they
// show beside every conversation of theirs (the inbox reads them through the conversation).
import type {
  AuditEntry,
  ContactAttribute,
  ContactCrm,
  ContactDuplicate,
  ContactNote,
  ContactSummary,
} from '@livechat/shared/api';
import type { Agent } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { normalizeAddress } from '@livechat/shared/sms';
import { viewerOf, visibleConversation } from './access.js';
import { DomainError, notFound } from './errors.js';
import type { Store, StoredContact } from './store.js';
import { newId } from './tokens.js';

/** What a merge reads of a contact before it decides (beside `StoredContact`). */
export interface ContactIdentity {
  /** A widget token opens this contact (a web visitor); SMS contacts have none. */
  hasWidget: boolean;
  smsAddress: string | null;
  smsOptedOutAt: number | null;
}

/** Rows of files as the export lists them. */
export interface ExportFileRow {
  id: string;
  conversationId: string | null;
  messageId: string | null;
  name: string;
  mime: string;
  size: number;
  createdAt: number;
}

/** What contact profiles need from storage (attributes, tags, notes, duplicates, merging, the audit log). */
export interface ContactProfileStore {
  attributes(visitorId: string): Promise<ContactAttribute[]>;
  /** Replaces them, in this order (keys already unique ignoring case). */
  setAttributes(visitorId: string, attributes: readonly ContactAttribute[]): Promise<void>;
  tags(visitorId: string): Promise<string[]>;
  setTags(visitorId: string, tags: readonly string[]): Promise<void>;
  /** Oldest first. */
  notes(visitorId: string): Promise<ContactNote[]>;
  note(id: string): Promise<ContactNote | null>;
  insertNote(note: ContactNote): Promise<void>;
  removeNote(id: string): Promise<void>;
  /** Other contacts of the site with this email, ignoring case. */
  idsWithEmail(siteId: string, email: string, exceptId: string): Promise<string[]>;
  /** The other contact of the site who texts from this address. */
  idsWithSmsAddress(siteId: string, address: string, exceptId: string): Promise<string[]>;
  /** Other contacts of the site without an SMS address who gave a phone whose digits end with `digits`. */
  givenPhonesEndingWith(
    siteId: string,
    digits: string,
    exceptId: string,
  ): Promise<{ id: string; phone: string }[]>;
  /** Ids of every conversation of the contact, on every channel, oldest first. */
  conversationIds(visitorId: string): Promise<string[]>;
  /** Inside a transaction: holds the contacts' rows and their conversations' rows until COMMIT (ids sorted). */
  lockContacts(ids: readonly string[]): Promise<void>;
  identity(visitorId: string): Promise<ContactIdentity | null>;
  /**
   * Moves everything of `fromId` to `intoId` and deletes `fromId`'s row: conversations (ids, numbers and messages
   * untouched; the visitor's messages name `intoId` as their author), leads and deals, uploads, notes; attributes
   * and tags unioned (`intoId`'s value wins on a key); `intoId`'s details filled in where empty; `fromId`'s SMS
   * address with its opt-out when `intoId` has none, and its widget token when `moveToken`.
   */
  merge(intoId: string, fromId: string, moveToken: boolean): Promise<void>;
  /** What deleting the contact deletes (for the audit log). */
  counts(visitorId: string): Promise<{ conversations: number; messages: number; files: number }>;
  insertAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  audit(limit: number): Promise<AuditEntry[]>;
  /** Every file of the contact: in their conversations, and their unsent uploads. */
  files(visitorId: string): Promise<ExportFileRow[]>;
  /** Leads and deals that name the contact or one of their conversations, as stored. */
  records(visitorId: string): Promise<Record<string, unknown>[]>;
  /** The texts of a conversation as stored beside its messages (addresses, provider ids, delivery). */
  smsDeliveries(conversationId: string): Promise<Record<string, unknown>[]>;
}

export const toSummary = (c: StoredContact): ContactSummary => ({
  id: c.id,
  siteId: c.siteId,
  name: c.name,
  email: c.email,
  phone: c.phone,
  smsOptedOut: c.smsOptedOutAt !== null,
  web: c.web,
  createdAt: c.createdAt,
  lastActivityAt: c.lastActivityAt,
});

/** The last digits two ways of writing one number share ("+386 40 123 456" and "040 123 456"). */
const TAIL = 7;
const digitsOf = (text: string) => text.replace(/\D/g, '');

export function createContactProfileService(store: Store, now: () => number) {
  const profiles = store.contactProfiles;

  async function visibleContact(agent: Agent, id: string): Promise<StoredContact> {
    const contact = await store.visitors.contactById(id, viewerOf(agent));
    if (!contact) throw notFound('Contact');
    return contact;
  }

  /** Other contacts the agent may see who are likely this person (see ContactDuplicateSchema). */
  async function duplicates(agent: Agent, contact: StoredContact): Promise<ContactDuplicate[]> {
    const given = (await store.visitors.contact(contact.id)).phone;
    const found = new Map<string, ContactDuplicate['reason']>();
    if (contact.email)
      for (const id of await profiles.idsWithEmail(contact.siteId, contact.email, contact.id))
        found.set(id, 'email');
    // A web visitor who gave a phone, and the SMS contact who texts from it.
    const address = given && contact.smsAddress === null ? normalizeAddress(given) : null;
    if (address?.kind === 'e164')
      for (const id of await profiles.idsWithSmsAddress(contact.siteId, address.value, contact.id))
        found.set(id, 'phone');
    if (contact.smsAddress !== null && digitsOf(contact.smsAddress).length >= TAIL) {
      const digits = digitsOf(contact.smsAddress);
      for (const other of await profiles.givenPhonesEndingWith(
        contact.siteId,
        digits.slice(-TAIL),
        contact.id,
      ))
        if (samePhone(other.phone, contact.smsAddress)) found.set(other.id, 'phone');
    }
    const out: ContactDuplicate[] = [];
    for (const [id, reason] of found) {
      const other = await store.visitors.contactById(id, viewerOf(agent));
      if (other) out.push({ contact: toSummary(other), reason });
    }
    return out;
  }

  return {
    visibleContact,

    async crm(agent: Agent, id: string): Promise<ContactCrm> {
      const contact = await visibleContact(agent, id);
      const stored = await store.visitors.contact(id);
      return {
        details: {
          name: stored.name ?? '',
          email: stored.email ?? '',
          phone: stored.phone ?? '',
          smsAddress: contact.smsAddress,
        },
        attributes: await profiles.attributes(id),
        tags: await profiles.tags(id),
        notes: await profiles.notes(id),
        duplicates: await duplicates(agent, contact),
      };
    },

    /** Name, email and the phone they gave; an SMS contact's number is who they are on SMS and stays. */
    async saveDetails(
      agent: Agent,
      id: string,
      details: { name: string; email: string; phone: string },
    ): Promise<ContactSummary> {
      const contact = await visibleContact(agent, id);
      if (contact.smsAddress !== null && details.phone !== '' && details.phone !== contact.smsAddress)
        throw new DomainError(
          ErrorCode.InvalidRequest,
          'This contact texts from their number; it cannot be changed here.',
          'phone',
        );
      await store.transaction(async () => {
        await store.visitors.setContactField(id, 'name', details.name);
        await store.visitors.setContactField(id, 'email', details.email);
        // An SMS contact's phone is their address (shown as it is); what they gave is kept for web visitors.
        if (contact.smsAddress === null) await store.visitors.setContactField(id, 'phone', details.phone);
      });
      return toSummary((await store.visitors.contactById(id))!);
    },

    async saveAttributes(
      agent: Agent,
      id: string,
      attributes: readonly ContactAttribute[],
    ): Promise<ContactAttribute[]> {
      await visibleContact(agent, id);
      await store.transaction(() => profiles.setAttributes(id, attributes));
      return profiles.attributes(id);
    },

    async saveTags(agent: Agent, id: string, tags: readonly string[]): Promise<string[]> {
      await visibleContact(agent, id);
      await store.transaction(() => profiles.setTags(id, [...new Set(tags)]));
      return profiles.tags(id);
    },

    async addNote(agent: Agent, id: string, body: string): Promise<ContactNote> {
      await visibleContact(agent, id);
      const note: ContactNote = {
        id: newId(),
        contactId: id,
        author: { id: agent.id, name: agent.name },
        body,
        createdAt: now(),
      };
      await profiles.insertNote(note);
      return note;
    },

    /** Only its author deletes a note. */
    async removeNote(agent: Agent, id: string, noteId: string): Promise<void> {
      await visibleContact(agent, id);
      const note = await profiles.note(noteId);
      if (!note || note.contactId !== id) throw notFound('Note');
      if (note.author.id !== agent.id)
        throw new DomainError(ErrorCode.Forbidden, 'Only the agent who wrote a note can delete it.');
      await profiles.removeNote(noteId);
    },

    /** The contact's notes beside one of their conversations (the inbox's side panel), if the agent may see it. */
    async notesOfConversation(agent: Agent, conversationId: string): Promise<ContactNote[]> {
      const conversation = await visibleConversation(store, agent, conversationId);
      return profiles.notes(conversation.visitorId);
    },

    /** Admins: the audit log, newest first. */
    async audit(agent: Agent): Promise<AuditEntry[]> {
      if (agent.role !== 'admin')
        throw new DomainError(ErrorCode.Forbidden, 'Only admins can read the audit log.');
      return profiles.audit(200);
    },
  };
}
export type ContactProfileService = ReturnType<typeof createContactProfileService>;

/**
 * Whether a phone someone typed is this E.164 number: written internationally, it must read as exactly that number;
 * written nationally ("040 123 456"), its digits without the trunk prefix must end the number.
 */
function samePhone(given: string, e164: string): boolean {
  const read = normalizeAddress(given);
  if (read.kind === 'e164') return read.value === e164;
  const national = digitsOf(given).replace(/^0+/, '');
  return national.length >= TAIL && digitsOf(e164).endsWith(national);
}
