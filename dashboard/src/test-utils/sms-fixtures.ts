// Fixtures for SMS and contacts, built with the shared schemas like fixtures.ts: what the server could never send fails.
import {
  ContactSummarySchema,
  SmsSettingsSchema,
  type ContactSummary,
  type SmsSettings,
} from '@livechat/shared/api';
import { build, T0 } from './fixtures.js';

export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';

/** A site with an account from settings and no number yet. */
export function smsSettings(over: Partial<SmsSettings> = {}): SmsSettings {
  return build(SmsSettingsSchema, {
    status: 'disconnected',
    account: {
      source: 'settings',
      accountSid: ACCOUNT_SID,
      authTokenHint: '••••abcd',
      apiBaseUrl: 'https://api.twilio.com',
    },
    number: null,
    enabled: true,
    helpText: 'You are texting Demo. Reply STOP to stop.',
    webhookUrls: {
      messages: 'https://chat.example.com/webhooks/twilio/messages',
      status: 'https://chat.example.com/webhooks/twilio/status',
    },
    lastWebhook: null,
    lastInboundAt: null,
    ...over,
  });
}

export function contact(over: Partial<ContactSummary> = {}): ContactSummary {
  return build(ContactSummarySchema, {
    id: 'ct-1',
    siteId: 'site-1',
    name: 'Sam Texter',
    email: null,
    phone: '+14155550100',
    smsOptedOut: false,
    web: false,
    createdAt: T0,
    lastActivityAt: T0,
    ...over,
  });
}
