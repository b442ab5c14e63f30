// "Troubleshooting": what the server last heard from Twilio, and what to check when replies do not appear.
import type { SmsSettings } from '@livechat/shared/api';
import { Ago } from '../../components/ago.js';

export const SIGNATURE_OK = 'Signature verified';
export const SIGNATURE_BAD = 'Signature did not verify: the auth token or the webhook URL does not match';

export function TroubleshootingSection({ settings }: { settings: SmsSettings }) {
  const { lastWebhook, lastInboundAt } = settings;
  return (
    <section class="card" aria-labelledby="sms-trouble-title">
      <h2 class="card__title" id="sms-trouble-title">
        Troubleshooting
      </h2>
      <dl class="sms-facts">
        <dt>Last webhook from Twilio</dt>
        <dd>
          {lastWebhook ? (
            <>
              <Ago ts={lastWebhook.at} /> (
              {lastWebhook.kind === 'messages' ? 'a message' : 'a delivery report'}) ·{' '}
              <span class={lastWebhook.signatureValid ? 'sms-ok' : 'sms-bad'}>
                {lastWebhook.signatureValid ? SIGNATURE_OK : SIGNATURE_BAD}
              </span>
            </>
          ) : (
            'None has arrived yet.'
          )}
        </dd>
        <dt>Last text to this site’s number</dt>
        <dd>{lastInboundAt ? <Ago ts={lastInboundAt} /> : 'None yet.'}</dd>
      </dl>
      <p>When texts or replies do not appear in the inbox, check:</p>
      <ul class="sms-list">
        <li>
          the number’s “A message comes in” webhook in the Twilio console is the Messages webhook URL above;
        </li>
        <li>
          behind a proxy or load balancer, the server’s <code>PUBLIC_URL</code> is the address Twilio calls,
          or signatures will not verify;
        </li>
        <li>
          the auth token is the account’s current one (a rotated token breaks the signatures), and the number
          belongs to that account.
        </li>
      </ul>
    </section>
  );
}
