// The channels a new conversation can start on, in the order the dialog offers them. The server's
// NEW_MESSAGE_CHANNELS decides which exist; this adds what the dialog shows for each.
import { NEW_MESSAGE_CHANNELS } from '@livechat/shared/api';

export type NewMessageChannel = (typeof NEW_MESSAGE_CHANNELS)[number];

export const CHANNEL_LABELS: Record<NewMessageChannel, string> = { sms: 'Text message' };

export const NEW_CHANNELS = NEW_MESSAGE_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }));
