// The channels a new conversation can start on, in the order the dialog offers them. The server's
// NEW_MESSAGE_CHANNELS decides which exist; this adds what the dialog shows for each.
import { NEW_MESSAGE_CHANNELS } from '@livechat/shared/api';

export type NewMessageChannel = (typeof NEW_MESSAGE_CHANNELS)[number];

export const CHANNEL_LABELS: Record<NewMessageChannel, string> = { sms: 'Text message', web: 'Web chat' };

export const NEW_CHANNELS = NEW_MESSAGE_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }));

/** The channels that reach this contact: a text always (the dialog says when they have no number), the web chat only
 * to a visitor the site has seen; to a number typed in, a text. */
export const channelsFor = (contact?: { web: boolean }) =>
  NEW_CHANNELS.filter((c) => c.value === 'sms' || (c.value === 'web' && contact?.web === true));
