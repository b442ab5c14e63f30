import type { Strings } from '../i18n/strings.js';
import type { SessionState } from '../state/chat-session.js';
import type { Situation, Speaker } from '../state/playbook-view.js';
import { Avatar } from './avatar.js';
import { CloseIcon } from './icons.js';

interface Props {
  t: Strings;
  state: SessionState;
  now: Situation;
  speaker: Speaker;
  onClose: () => void;
}

/**
 * The line under the name: the connection first; then whether anyone is there, only where that means something:
 * not beside an agent who is in the chat, and "away" once the bot has said the team is away.
 */
export function statusText(s: SessionState, now: Situation, t: Strings): string {
  if (s.unavailable || s.netDown) return t.offline;
  if (s.status !== 'online') return s.connectedOnce ? t.reconnecting : t.connecting;
  if (now.agent) return '';
  // A server that does not say whether anyone is available counts as online (as it did before presence).
  return now.away || s.online === false ? t.leaveMessage : t.online;
}

export function ChatHeader({ t, state, now, speaker, onClose }: Props) {
  const text = statusText(state, now, t);
  return (
    <header class="head">
      <Avatar {...speaker} />
      <div>
        <h2 class="title" id="lc-title">
          {speaker.name}
        </h2>
        {/* A polite live region, not role=status: the waiting indicator is the panel's one status. */}
        <p class="sub" aria-live="polite">
          {text && <span class={text === t.online ? 'dot' : 'dot off'} />}
          {text}
        </p>
      </div>
      <button class="close" type="button" aria-label={t.close} onClick={onClose}>
        <CloseIcon />
      </button>
    </header>
  );
}
