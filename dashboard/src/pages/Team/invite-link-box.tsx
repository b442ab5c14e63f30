import type { InviteLink } from '@livechat/shared/api';
import { useEffect, useRef } from 'preact/hooks';
import { TextField } from '../../components/text-field.js';
import { CopyButton } from '../../components/copy-button.js';
import { formatFull } from '../../components/format-time.js';

interface Props {
  name: string;
  invite: InviteLink;
}

/** The link an admin sends to an invited agent. Outside the add form, so Enter in the link box submits nothing. */
export function InviteLinkBox({ name, invite }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // A row's "New invite link" can be far down the table; bring each new link into view.
  useEffect(() => box.current?.scrollIntoView?.({ block: 'nearest' }), [invite.url]);

  return (
    <div class="card invite-box" role="status" ref={box}>
      <p class="invite-box__title">
        Invite link for {name} (valid until {formatFull(invite.expiresAt)})
      </p>
      <div class="invite-box__row">
        <TextField
          label="Invite link"
          readOnly
          value={invite.url}
          onValue={() => {}}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton key={invite.url} text={invite.url} label="Copy link" />
      </div>
      <p class="muted">
        Send it to them privately. It works once; they choose their password with it and are signed in.
      </p>
    </div>
  );
}
