// The page's one live status: the banner while no provider account is configured, then the site's SMS state.
import type { SmsStatus } from '@livechat/shared/api';
import { formatPhoneForDisplay } from '@livechat/shared/sms';

const LABELS: Record<Exclude<SmsStatus, 'not_configured'>, string> = {
  connected: 'Connected',
  paused: 'Paused',
  disconnected: 'Not connected',
};

const EXPLAINED: Record<Exclude<SmsStatus, 'not_configured'>, string> = {
  connected: 'Texts to this number arrive in the inbox, and agents can reply.',
  paused: 'Texts still arrive in the inbox, but nobody can send one until you turn Enabled back on.',
  disconnected: 'Choose one of the account’s numbers below to start texting.',
};

export function SmsStatusLine({
  status,
  number,
}: {
  status: Exclude<SmsStatus, 'not_configured'>;
  number: string | null;
}) {
  return (
    <div class="card sms-status">
      <p role="status">
        Status:{' '}
        <strong class={`badge sms-status__badge sms-status__badge--${status}`}>{LABELS[status]}</strong>
        {number && <span class="sms-status__number">{formatPhoneForDisplay(number)}</span>}
      </p>
      <p class="muted">{EXPLAINED[status]}</p>
    </div>
  );
}

export function NotConfiguredBanner() {
  return (
    <div class="card sms-banner" role="status">
      <h2 class="card__title">No Twilio account is configured</h2>
      <p>
        This server has no Twilio account, so this site cannot send or receive text messages. To fix it,
        either:
      </p>
      <ul class="sms-list">
        <li>
          set <code>TWILIO_ACCOUNT_SID</code> and <code>TWILIO_AUTH_TOKEN</code> (and, for another API
          endpoint, <code>TWILIO_API_BASE_URL</code>) in the server’s environment and restart it, or
        </li>
        <li>enter the Account SID and auth token from the Twilio console in the form below.</li>
      </ul>
    </div>
  );
}
