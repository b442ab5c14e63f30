// The Twilio account: read-only when the server's environment sets it, otherwise a form. The auth token is never
// sent back, so the form asks for it only to change it.
import { SmsAccountBodySchema, type SmsAccount } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { InvalidFields, issueFields } from '../../components/form-errors.js';
import { TextField } from '../../components/text-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { smsApi } from '../../api/index.js';

interface Props {
  account: SmsAccount | null;
  /** The account was stored: the settings and the number list are asked again. */
  onSaved: () => void;
}

export function AccountSection({ account, onSaved }: Props) {
  return (
    <section class="card" aria-labelledby="sms-account-title">
      <h2 class="card__title" id="sms-account-title">
        Twilio account
      </h2>
      {account?.source === 'environment' ? (
        <EnvironmentAccount account={account} />
      ) : (
        <AccountForm account={account} onSaved={onSaved} />
      )}
    </section>
  );
}

function EnvironmentAccount({ account }: { account: SmsAccount }) {
  return (
    <>
      <p class="muted">
        This account comes from the server’s environment (<code>TWILIO_ACCOUNT_SID</code>,{' '}
        <code>TWILIO_AUTH_TOKEN</code>, <code>TWILIO_API_BASE_URL</code>), so it cannot be changed here:
        change those variables and restart the server.
      </p>
      <dl class="sms-facts">
        <dt>Account SID</dt>
        <dd>
          <code>{account.accountSid}</code>
        </dd>
        <dt>Auth token</dt>
        <dd>{account.authTokenHint}</dd>
        <dt>API base URL</dt>
        <dd>
          <code>{account.apiBaseUrl}</code>
        </dd>
      </dl>
    </>
  );
}

const FIELDS = ['accountSid', 'authToken', 'apiBaseUrl'] as const;
type AccountField = (typeof FIELDS)[number];

function AccountForm({ account, onSaved }: { account: SmsAccount | null; onSaved: () => void }) {
  const [sid, setSid] = useState(account?.accountSid ?? '');
  const [token, setToken] = useState('');
  const [baseUrl, setBaseUrl] = useState(account?.apiBaseUrl ?? '');
  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      // Empty token: keep the stored one. Empty URL: Twilio's own API.
      const parsed = SmsAccountBodySchema.safeParse({
        accountSid: sid,
        ...(token.trim() ? { authToken: token } : {}),
        ...(baseUrl.trim() ? { apiBaseUrl: baseUrl.trim() } : {}),
      });
      const errors = parsed.success ? {} : issueFields(parsed.error.issues, FIELDS);
      // The schema leaves the token out to keep the stored one; with none stored, it is needed.
      if (!account && !token.trim()) errors.authToken ??= 'Paste the auth token from the Twilio console.';
      if (!parsed.success || Object.keys(errors).length > 0) throw new InvalidFields<AccountField>(errors);
      await smsApi.saveAccount(parsed.data);
      setToken('');
      onSaved();
    },
    undefined,
    FIELDS,
  );

  return (
    <form class="sms-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sms-account-title">
      <p class="muted">
        {account
          ? 'Entered on this page; every site uses this account.'
          : 'Find the Account SID and auth token on the Twilio console’s home page.'}
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-row">
        <TextField
          label="Account SID"
          autocomplete="off"
          spellcheck={false}
          placeholder="AC…"
          error={fieldErrors.accountSid}
          value={sid}
          onValue={(v) => {
            setSid(v);
            clearField('accountSid');
          }}
        />
        <TextField
          label="Auth token"
          type="password"
          autocomplete="new-password"
          hint={account ? `${account.authTokenHint} stored; leave empty to keep` : undefined}
          error={fieldErrors.authToken}
          value={token}
          onValue={(v) => {
            setToken(v);
            clearField('authToken');
          }}
        />
      </div>
      <TextField
        label="API base URL"
        type="url"
        spellcheck={false}
        placeholder="https://api.twilio.com"
        hint="Optional: leave empty for Twilio’s own API."
        error={fieldErrors.apiBaseUrl}
        value={baseUrl}
        onValue={(v) => {
          setBaseUrl(v);
          clearField('apiBaseUrl');
        }}
      />
      <div>
        <button class="button button--primary" type="submit" disabled={busy}>
          Save account
        </button>
      </div>
    </form>
  );
}
