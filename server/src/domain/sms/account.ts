// Which provider account the inbox texts through: TWILIO_* variables when set (automated setups), else the one an
// admin entered on the settings page. The provider object is made once per set of credentials.
import type { SmsAccount } from '@livechat/shared/api';
import type { SmsProvider } from '../../sms/provider.js';
import type { Store, StoredSmsAccount } from '../store.js';

export type ProviderFactory = (account: StoredSmsAccount) => SmsProvider;

export interface ActiveAccount {
  account: StoredSmsAccount;
  source: SmsAccount['source'];
  provider: SmsProvider;
}

export function createSmsAccounts(
  store: Store,
  fromEnvironment: StoredSmsAccount | null,
  makeProvider: ProviderFactory,
) {
  let cached: { key: string; provider: SmsProvider } | null = null;
  const providerFor = (account: StoredSmsAccount): SmsProvider => {
    const key = JSON.stringify([account.accountSid, account.authToken, account.apiBaseUrl]);
    if (cached?.key !== key) cached = { key, provider: makeProvider(account) };
    return cached.provider;
  };
  return {
    /** The account in use, or null when none is configured. Read per use: another node may have saved a new one. */
    async active(): Promise<ActiveAccount | null> {
      if (fromEnvironment)
        return { account: fromEnvironment, source: 'environment', provider: providerFor(fromEnvironment) };
      const stored = await store.sms.account();
      return stored && { account: stored, source: 'settings', provider: providerFor(stored) };
    },
    fromEnvironment: fromEnvironment !== null,
  };
}
export type SmsAccounts = ReturnType<typeof createSmsAccounts>;

/** The account as the settings page shows it: never the token, only its last four characters. */
export function accountView({ account, source }: ActiveAccount): SmsAccount {
  return {
    source,
    accountSid: account.accountSid,
    authTokenHint: `••••${account.authToken.slice(-4)}`,
    apiBaseUrl: account.apiBaseUrl,
  };
}
