import type { SmsSettings } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { useLoad } from '../../components/use-load.js';
import { AccountSection } from './account-section.js';
import { ConfigureSection } from './configure-section.js';
import { ManageSection } from './manage-section.js';
import { NotConfiguredBanner, SmsStatusLine } from './sms-status.js';
import { smsApi } from '../../api/index.js';
import { TroubleshootingSection } from './troubleshooting-section.js';
import { WebhookUrlsSection } from './webhook-urls-section.js';

/** One site's SMS settings. Every change answers with the settings as stored, which replace what is shown. */
export function SmsSettingsPanel({ siteId }: { siteId: string }) {
  const { state, setData, reload } = useLoad(() => smsApi.settings(siteId), [siteId]);
  /** Bumped when the account changes, so the number list is asked again with the new credentials. */
  const [accountVersion, setAccountVersion] = useState(0);

  if (state.status === 'loading') return <p class="empty">Loading…</p>;
  if (state.status === 'error') {
    return (
      <p class="form-error" role="alert">
        {state.message}
      </p>
    );
  }
  const settings: SmsSettings = state.data;
  const save = async (patch: Parameters<typeof smsApi.save>[1]) => setData(await smsApi.save(siteId, patch));
  const disconnect = async () => setData(await smsApi.disconnect(siteId));

  return (
    <div class="sms">
      {settings.status === 'not_configured' ? (
        <NotConfiguredBanner />
      ) : (
        <SmsStatusLine status={settings.status} number={settings.number} />
      )}
      <AccountSection
        account={settings.account}
        onSaved={() => {
          setAccountVersion((v) => v + 1);
          reload();
        }}
      />
      {settings.account && <ConfigureSection key={accountVersion} settings={settings} onSave={save} />}
      {settings.number && (
        <ManageSection
          number={settings.number}
          enabled={settings.enabled}
          onEnabled={(enabled) => save({ enabled })}
          onDisconnect={disconnect}
        />
      )}
      <WebhookUrlsSection urls={settings.webhookUrls} />
      <TroubleshootingSection settings={settings} />
    </div>
  );
}
