// The green "New" button and the dialog it opens; focus comes back to the button when the dialog closes.
import type { ContactSummary } from '@livechat/shared/api';
import { useRef, useState } from 'preact/hooks';
import { NewMessageDialog } from './new-message-dialog.js';
import type { SendSites } from './use-send-sites.js';

type Props =
  /** From the list: to any number, from one of these sites. */
  | { sites: SendSites; contact?: undefined }
  /** From a profile: to this contact, from their site. */
  | { contact: ContactSummary; sites?: undefined };

export function NewMessageButton(props: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button
        type="button"
        class="button button--success"
        ref={button}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        New
      </button>
      {open && <NewMessageDialog {...props} onClose={close} />}
    </>
  );
}
