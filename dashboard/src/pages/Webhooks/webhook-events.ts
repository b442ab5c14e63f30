import { WEBHOOK_EVENTS, type WebhookEvent } from '@livechat/shared/api';

export { WEBHOOK_EVENTS };

/** What each event means, beside its checkbox. */
export const EVENT_HINTS: Record<WebhookEvent, string> = {
  'lead.created': 'An agent created a lead from a conversation.',
  'deal.created': 'An agent created a deal from a conversation.',
  'conversation.closed': 'A conversation was closed.',
};
