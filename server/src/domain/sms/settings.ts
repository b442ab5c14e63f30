// The "SMS / Text messages" page: the account, a site's number and Enabled switch, Disconnect, and what
// troubleshooting needs. Admins only (the routes check).
import {
  DEFAULT_SMS_HELP_TEXT,
  SMS_WEBHOOK_PATHS,
  type SmsAccountBody,
  type SmsNumber,
  type SmsSender,
  type SmsSettings,
  type SmsStatus,
  type UpdateSmsSettingsBody,
} from '@livechat/shared/api';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { SmsRefusedError, SmsTemporaryError } from '../../sms/provider.js';
import { DomainError, notFound } from '../errors.js';
import { isUniqueViolation, type Store, type StoredSmsSettings } from '../store.js';
import { accountView, type SmsAccounts } from './account.js';

const DEFAULT_API_BASE_URL = 'https://api.twilio.com';

export function statusOf(hasAccount: boolean, settings: StoredSmsSettings | null): SmsStatus {
  if (!hasAccount) return 'not_configured';
  if (!settings?.number) return 'disconnected';
  return settings.enabled ? 'connected' : 'paused';
}

/** A provider failure in words for the page; the provider's own message is kept where it helps. */
export function providerError(error: unknown): never {
  if (error instanceof SmsRefusedError || error instanceof SmsTemporaryError)
    throw new DomainError(ErrorCode.SmsProviderError, error.message);
  throw error;
}

export function createSmsSettingsService(
  store: Store,
  accounts: SmsAccounts,
  publicUrl: string,
  now: () => number,
) {
  const site = async (siteId: string) => {
    if (!(await store.sites.byId(siteId))) throw notFound('Site');
  };

  async function view(siteId: string): Promise<SmsSettings> {
    const [active, settings, lastWebhook] = await Promise.all([
      accounts.active(),
      store.sms.settings(siteId),
      store.sms.lastWebhook(),
    ]);
    return {
      status: statusOf(active !== null, settings),
      account: active && accountView(active),
      number: settings?.number ?? null,
      enabled: settings?.enabled ?? true,
      helpText: settings?.helpText ?? DEFAULT_SMS_HELP_TEXT,
      teamId: settings?.teamId ?? null,
      webhookUrls: {
        messages: publicUrl + SMS_WEBHOOK_PATHS.messages,
        status: publicUrl + SMS_WEBHOOK_PATHS.status,
      },
      lastWebhook,
      lastInboundAt: settings?.lastInboundAt ?? null,
    };
  }

  async function requireAccount() {
    const active = await accounts.active();
    if (!active)
      throw new DomainError(
        ErrorCode.SmsUnavailable,
        'No Twilio account is configured: enter the Account SID and auth token first.',
      );
    return active;
  }

  return {
    view: async (siteId: string) => {
      await site(siteId);
      return view(siteId);
    },

    /** Every site's connected number, for any agent's "New message" (none without an account). */
    async senders(): Promise<SmsSender[]> {
      if (!(await accounts.active())) return [];
      const sites = await store.sites.all();
      const senders: SmsSender[] = [];
      for (const site of sites) {
        const settings = await store.sms.settings(site.id);
        if (settings?.number)
          senders.push({
            siteId: site.id,
            siteName: site.name,
            number: settings.number,
            enabled: settings.enabled,
          });
      }
      return senders;
    },

    /** The account's numbers, for the "Number" dropdown. */
    async numbers(): Promise<SmsNumber[]> {
      const { provider } = await requireAccount();
      const numbers = await provider.listNumbers().catch(providerError);
      return numbers.map(({ phoneNumber, friendlyName }) => ({ phoneNumber, friendlyName }));
    },

    /** Save: connect or switch the number (it must be one of the account's), the switch, the help text. */
    async save(siteId: string, change: UpdateSmsSettingsBody): Promise<SmsSettings> {
      await site(siteId);
      if (change.number !== undefined) {
        const { provider } = await requireAccount();
        const owned = await provider.listNumbers().catch(providerError);
        if (!owned.some((n) => n.phoneNumber === change.number))
          throw new DomainError(
            ErrorCode.InvalidRequest,
            `${change.number} is not a number of this Twilio account.`,
            'number',
          );
      }
      if (change.teamId && !(await store.teams.byId(change.teamId)))
        throw new DomainError(ErrorCode.InvalidRequest, 'No team has this id; choose another.', 'teamId');
      try {
        await store.sms.saveSettings(siteId, change, now());
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new DomainError(ErrorCode.Conflict, 'Another site already uses this number.', 'number');
      }
      return view(siteId);
    },

    /** Disconnect: no number, so nothing can be sent until one is connected again. Texts already stored stay. */
    async disconnect(siteId: string): Promise<SmsSettings> {
      await site(siteId);
      await store.sms.saveSettings(siteId, { number: null }, now());
      return view(siteId);
    },

    /** The account entered on the page; refused while TWILIO_* variables set it. */
    async saveAccount(body: SmsAccountBody) {
      if (accounts.fromEnvironment)
        throw new DomainError(
          ErrorCode.Conflict,
          'The Twilio account is set by the TWILIO_* environment variables; change it there.',
        );
      const stored = await store.sms.account();
      const authToken = body.authToken ?? stored?.authToken;
      if (!authToken) throw new DomainError(ErrorCode.InvalidRequest, 'Paste the auth token.', 'authToken');
      await store.sms.saveAccount(
        {
          accountSid: body.accountSid,
          authToken,
          apiBaseUrl: body.apiBaseUrl ? new URL(body.apiBaseUrl).origin : DEFAULT_API_BASE_URL,
        },
        now(),
      );
      return accountView((await accounts.active())!);
    },
  };
}
export type SmsSettingsService = ReturnType<typeof createSmsSettingsService>;
