// A text from a contact: it continues their open SMS conversation (or opens one, straight into Unassigned, since no
// bot runs on SMS), once per provider message id whatever the retries; STOP, START and HELP are handled as carriers
// require.
import { DEFAULT_SMS_HELP_TEXT } from '@livechat/shared/api';
import type { Conversation } from '@livechat/shared/model';
import { classifyKeyword, normalizeAddress } from '@livechat/shared/sms';
import { describeAttachments } from '@livechat/shared/model';
import type { InboundSms, SmsProvider } from '../../sms/provider.js';
import { DomainError } from '../errors.js';
import { isUniqueViolation, type Store, type Visitor } from '../store.js';
import type { Files } from '../media/files.js';
import type { PostOptions, Timeline, WriteUnit } from '../timeline.js';
import type { Routing } from '../routing.js';
import type { SmsChannel } from './channel.js';
import { contactByAddress } from './contacts-by-address.js';
import { smsConversationOf } from './conversations.js';
import { failureLine, type ReceivedMedia, type SmsInboundMedia } from './inbound-media.js';

export type InboundOutcome = 'stored' | 'duplicate' | 'unknown_number';

/**
 * The address as the contact's identity: E.164 when it reads as a phone number; a short code or sender ID as given;
 * anything else trimmed and kept (never dropped, never "corrected" into someone else's number).
 */
export function addressOf(raw: string): string {
  const address = normalizeAddress(raw);
  return address.kind === 'invalid' ? storable(raw.trim()) : address.value;
}

/** Text either engine can store as sent: a NUL or a broken surrogate pair becomes U+FFFD. */
const storable = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\0/g, '\uFFFD');

/**
 * What the thread shows: the words (a caption when media came with them), then a line naming media that could not be
 * kept. A text with neither words nor media says so.
 */
function bodyOf(text: InboundSms, media: ReceivedMedia): string {
  const words = text.body.trim() === '' ? '' : storable(text.body);
  const failed = media.failures.length > 0 ? failureLine(media.failures) : '';
  const body = [words, failed].filter(Boolean).join('\n');
  return body === '' && media.files.length === 0 ? '[empty text]' : body;
}

export function createSmsInbound(
  store: Store,
  timeline: Timeline,
  channel: SmsChannel,
  files: Files,
  inboundMedia: SmsInboundMedia,
  routing: Pick<Routing, 'queued'>,
) {
  /**
   * Continues the open one, or opens one straight into the queue (no bot runs on SMS): the team's the site routes
   * texts to (its routing applies), else everyone's Unassigned.
   */
  async function openConversation(unit: WriteUnit, contact: Visitor): Promise<Conversation> {
    const conversation = await smsConversationOf(store, contact, unit.now);
    if (conversation.queuedAt !== null || conversation.assigneeId !== null) return conversation;
    const teamId = (await store.sms.settings(conversation.siteId))?.teamId ?? null;
    const queued = teamId
      ? (await store.conversations.setQueue(conversation.id, teamId, unit.now))!
      : (await store.conversations.queue(conversation.id, unit.now))!;
    unit.changed(queued);
    if (teamId) routing.queued(unit, queued);
    return queued;
  }

  async function storeText(
    text: InboundSms,
    siteId: string,
    to: string,
    now: number,
    provider: Pick<SmsProvider, 'mediaAuthorization'>,
  ): Promise<InboundOutcome> {
    const contact = await contactByAddress(store, siteId, addressOf(text.from), now);
    const author = { kind: 'visitor' as const, id: contact.id, name: contact.name };
    // Fetched before the unit of work: no network wait inside a commit.
    const media = await inboundMedia.receive(text, contact, provider, now);
    const body = bodyOf(text, media);
    return timeline.commit(
      async (unit) => {
        if (await store.sms.hasProviderId(text.providerMessageId)) return 'duplicate';
        const conversation = await openConversation(unit, contact);
        const options: PostOptions = { clientId: text.providerMessageId };
        if (media.files.length > 0) {
          options.attach = (messageId) => files.attach(media.files, conversation.id, messageId);
          if (body === '') options.preview = describeAttachments(media.files);
        }
        const message = await unit.post(conversation.id, author, body, options);
        await store.sms.insertInbound({
          messageId: message.id,
          conversationId: conversation.id,
          siteId,
          providerId: text.providerMessageId,
          from: addressOf(text.from),
          to,
          body: storable(text.body),
          createdAt: unit.now,
        });
        await store.sms.recordInbound(siteId, unit.now);
        await keyword(unit, conversation, contact, text.body);
        return 'stored';
      },
      { visitorId: contact.id },
    );
  }

  async function keyword(unit: WriteUnit, conversation: Conversation, contact: Visitor, body: string) {
    const system = { kind: 'system' as const, id: null, name: 'System' };
    switch (classifyKeyword(body)) {
      case 'opt-out':
        await store.visitors.setSmsOptedOut(contact.id, unit.now);
        await unit.post(
          conversation.id,
          system,
          `${contact.name} opted out of texts (STOP). Nobody can text them until they text START.`,
        );
        return;
      case 'opt-in':
        await store.visitors.setSmsOptedOut(contact.id, null);
        await unit.post(conversation.id, system, `${contact.name} opted in to texts again (START).`);
        return;
      case 'help': {
        const settings = await store.sms.settings(conversation.siteId);
        const help = settings?.helpText ?? DEFAULT_SMS_HELP_TEXT;
        // Without a way to send (opted out: the provider answers them itself; paused; no account), the text is
        // still stored, unanswered.
        const route = await channel.route(conversation.siteId, contact.id, help).catch((error: unknown) => {
          if (error instanceof DomainError) return null;
          throw error;
        });
        if (!route) return;
        const reply = await unit.post(conversation.id, { kind: 'bot', id: null, name: 'Help' }, help, {
          delivery: { status: 'queued', error: null },
        });
        await channel.enqueue(unit, reply, route);
        return;
      }
      case null:
        return;
    }
  }

  return {
    /** Stores an inbound text (signature already verified), its media fetched from `provider`. */
    async receive(
      text: InboundSms,
      now: number,
      provider: Pick<SmsProvider, 'mediaAuthorization'>,
    ): Promise<InboundOutcome> {
      const to = addressOf(text.to);
      const settings = await store.sms.byNumber(to);
      if (!settings) return 'unknown_number';
      // A retry of a stored text: nothing to fetch again.
      if (await store.sms.hasProviderId(text.providerMessageId)) return 'duplicate';
      try {
        return await storeText(text, settings.siteId, to, now, provider);
      } catch (error) {
        // A retry of this very text on another node won (its unique key, or its claim on the media files): the text
        // is stored once. Its first text opening the conversation there: this one is tried again.
        if (await store.sms.hasProviderId(text.providerMessageId)) return 'duplicate';
        if (!isUniqueViolation(error)) throw error;
        return storeText(text, settings.siteId, to, now, provider);
      }
    },
  };
}
export type SmsInbound = ReturnType<typeof createSmsInbound>;
