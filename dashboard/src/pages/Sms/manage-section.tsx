// "Manage": the Enabled switch (off pauses sending; texts still come in) and disconnecting the number, which asks
// first in the page.
import { formatPhoneForDisplay } from '@livechat/shared/sms';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { SwitchField } from '../../components/switch-field.js';
import { errorMessage } from '../../api/index.js';

interface Props {
  number: string;
  enabled: boolean;
  /** Throws the server's refusal. */
  onEnabled: (enabled: boolean) => Promise<void>;
  onDisconnect: () => Promise<void>;
}

export function ManageSection({ number, enabled, onEnabled, onDisconnect }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmTitleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const disconnectRef = useRef<HTMLButtonElement>(null);
  /** Focus goes back to the Disconnect button after Cancel, not after the button itself went away. */
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (returnFocus.current) disconnectRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };

  const shown = formatPhoneForDisplay(number);
  return (
    <section class="card" aria-labelledby="sms-manage-title">
      <h2 class="card__title" id="sms-manage-title">
        Manage
      </h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="sms-manage__row">
        <SwitchField
          label="Enabled"
          checked={enabled}
          busy={busy}
          onValue={(on) => void run(() => onEnabled(on))}
          hint={`Off pauses sending from ${shown}; texts to it still arrive in the inbox.`}
        />
      </div>
      {confirming ? (
        <div
          class="sms-confirm"
          role="dialog"
          aria-labelledby={confirmTitleId}
          onKeyDown={(e) => e.key === 'Escape' && cancel()}
        >
          <p class="sms-confirm__title" id={confirmTitleId}>
            Disconnect {shown} from this site?
          </p>
          <p>
            Nobody can text from it here any more, and texts to it no longer reach the inbox. Conversations
            stay, and you can connect a number again at any time.
          </p>
          <div class="sms-confirm__actions">
            <button
              type="button"
              class="button button--danger"
              disabled={busy}
              onClick={() => void run(onDisconnect).then(() => setConfirming(false))}
            >
              Disconnect
            </button>
            <button type="button" class="button" ref={cancelRef} onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button
            type="button"
            class="button button--danger"
            ref={disconnectRef}
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            Disconnect
          </button>
        </div>
      )}
    </section>
  );
}
