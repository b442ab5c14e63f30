// Texting a contact: the checks an agent's SMS must pass (a number connected and enabled, the contact not opted out,
// the provider's length limit), and putting the text in the outbox in the same unit of work as its message.
import type { Conversation, Delivery, Message } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { SMS_MAX_LENGTH } from '@livechat/shared/sms';
import { DomainError } from '../errors.js';
import type { Store } from '../store.js';
import type { WriteUnit } from '../timeline.js';
import type { SmsAccounts } from './account.js';

/** Where a text goes: from the site's number to the contact's address. */
export interface SmsRoute {
  siteId: string;
  from: string;
  to: string;
}

export const QUEUED: Delivery = { status: 'queued', error: null };

export function createSmsChannel(store: Store, accounts: SmsAccounts, kick: () => void) {
  /** The route of a text to this contact, or the reason it cannot be sent, in words. */
  async function route(siteId: string, contactId: string, body: string): Promise<SmsRoute> {
    if (body.length > SMS_MAX_LENGTH)
      throw new DomainError(
        ErrorCode.InvalidRequest,
        `A text message can be at most ${SMS_MAX_LENGTH.toLocaleString('en')} characters long; this one has ${body.length.toLocaleString('en')}.`,
        'body',
      );
    if (!(await accounts.active()))
      throw new DomainError(
        ErrorCode.SmsUnavailable,
        'Text messages are not set up: an admin enters the Twilio account on the SMS page.',
      );
    const settings = await store.sms.settings(siteId);
    if (!settings?.number)
      throw new DomainError(
        ErrorCode.SmsUnavailable,
        'No number is connected for text messages: an admin connects one on the SMS page.',
      );
    if (!settings.enabled)
      throw new DomainError(
        ErrorCode.SmsUnavailable,
        'Sending text messages is paused: an admin turns it back on with the Enabled switch on the SMS page.',
      );
    const contact = await store.visitors.contactById(contactId);
    if (!contact?.smsAddress)
      throw new DomainError(ErrorCode.SmsUnavailable, 'This contact has no number to text.');
    if (contact.smsOptedOutAt !== null)
      throw new DomainError(
        ErrorCode.SmsOptedOut,
        `${contact.name} texted STOP and cannot be texted until they text START.`,
      );
    return { siteId, from: settings.number, to: contact.smsAddress };
  }

  return {
    route,

    /** Checks the conversation's route before its message is posted; throws the reason it cannot go. */
    prepare: (conversation: Conversation, body: string): Promise<SmsRoute> =>
      route(conversation.siteId, conversation.visitorId, body),

    /** Puts the posted message in the outbox (same unit: both or neither), sent right after COMMIT. */
    async enqueue(unit: WriteUnit, message: Message, to: SmsRoute): Promise<void> {
      await store.sms.insertOutbound({
        messageId: message.id,
        conversationId: message.conversationId,
        siteId: to.siteId,
        from: to.from,
        to: to.to,
        body: message.body,
        createdAt: unit.now,
      });
      unit.afterCommit(kick);
    },
  };
}
export type SmsChannel = ReturnType<typeof createSmsChannel>;
