import type { Strings } from '../i18n/strings.js';
import type { SessionState } from '../state/chat-session.js';
import type { Speaker } from '../state/playbook-view.js';
import { Avatar } from './avatar.js';
import { CloseIcon } from './icons.js';

interface Props {
  t: Strings;
  state: SessionState;
  speaker: Speaker;
  onClose: () => void;
}

/** The line under the name: the connection first, then whether anyone is there. */
function statusText(s: SessionState, t: Strings): string {
  if (s.unavailable) return t.offline;
  if (s.status !== 'online') return s.connectedOnce ? t.reconnecting : t.connecting;
  // A server that does not say whether anyone is available counts as online (as it did before presence).
  return s.online === false ? t.leaveMessage : t.online;
}

export function ChatHeader({ t, state, speaker, onClose }: Props) {
  return (
    <header class="head">
      <Avatar {...speaker} />
      <div>
        <h2 class="title" id="lc-title">
          {speaker.name}
        </h2>
        {/* A polite live region, not role=status: the waiting indicator is the panel's one status. */}
        <p class="sub" aria-live="polite">
          <span class={state.status === 'online' && state.online !== false ? 'dot' : 'dot off'} />
          {statusText(state, t)}
        </p>
      </div>
      <button class="close" type="button" aria-label={t.close} onClick={onClose}>
        <CloseIcon />
      </button>
    </header>
  );
}
