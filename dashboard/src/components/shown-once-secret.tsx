// A secret the server shows only once (a webhook's signing secret, a site's identity secret): read-only, selected on
// focus, with a copy button and the warning that it will not be shown again.
import { CopyButton } from './copy-button.js';
import { TextField } from './text-field.js';

export function ShownOnceSecret({ label, secret }: { label: string; secret: string }) {
  return (
    <>
      <p role="status">Copy the secret now: it is shown only this once.</p>
      <div class="invite-box__row">
        <TextField
          label={label}
          readOnly
          spellcheck={false}
          value={secret}
          onValue={() => {}}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton key={secret} text={secret} label="Copy secret" />
      </div>
    </>
  );
}
