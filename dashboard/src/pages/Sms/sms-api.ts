// Calls for the SMS page, on the routes declared in api/routes.ts (answers parsed with the server's schemas).
import type { SmsAccountBody, UpdateSmsSettingsBody } from '@livechat/shared/api';
import { call } from '../../api/http.js';
import { routes } from '../../api/routes.js';

/** Admin only. Every change answers with the site's settings as stored. */
export const smsApi = {
  settings: (siteId: string) => call(routes.smsSettings, { params: { id: siteId } }).then((r) => r.sms),
  /** Connects or switches the number, flips Enabled, edits the help text; absent fields stay. */
  save: (siteId: string, patch: UpdateSmsSettingsBody) =>
    call(routes.saveSmsSettings, { params: { id: siteId }, body: patch }).then((r) => r.sms),
  /** Forgets the site's number; the account stays. */
  disconnect: (siteId: string) => call(routes.disconnectSms, { params: { id: siteId } }).then((r) => r.sms),
  /** The provider account's numbers; sms_unavailable without an account, sms_provider_error when it refuses us. */
  numbers: () => call(routes.smsNumbers).then((r) => r.numbers),
  /** Only when TWILIO_* variables do not set the account. */
  saveAccount: (body: SmsAccountBody) => call(routes.saveSmsAccount, { body }).then((r) => r.account),
};
