// "Use your own number": the two URLs to paste into the Twilio console for a number whose webhooks are set by hand.
import type { SmsSettings } from '@livechat/shared/api';
import { CopyButton } from '../../components/copy-button.js';
import { TextField } from '../../components/text-field.js';

function UrlRow({ label, url, copyLabel }: { label: string; url: string; copyLabel: string }) {
  return (
    <div class="invite-box__row">
      <TextField
        label={label}
        readOnly
        spellcheck={false}
        value={url}
        onValue={() => {}}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton key={url} text={url} label={copyLabel} />
    </div>
  );
}

export function WebhookUrlsSection({ urls }: { urls: SmsSettings['webhookUrls'] }) {
  return (
    <section class="card" aria-labelledby="sms-webhooks-title">
      <h2 class="card__title" id="sms-webhooks-title">
        Use your own number
      </h2>
      <p class="muted">
        A number whose webhooks are set by hand in the Twilio console (for example one another app also uses)
        needs these two URLs. In the number’s Messaging configuration, paste the first under “A message comes
        in” (HTTP POST); use the second as the status callback, so delivery reports reach the inbox.
      </p>
      <UrlRow
        label="Messages webhook (A message comes in)"
        url={urls.messages}
        copyLabel="Copy messages webhook"
      />
      <UrlRow label="Status callback" url={urls.status} copyLabel="Copy status callback" />
    </section>
  );
}
