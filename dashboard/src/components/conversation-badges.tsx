// The queue state of a conversation, as shown in the list and the conversation header.
import type { Conversation } from '@livechat/shared/model';
import { useNow } from './use-now.js';

/** "1:05" for 65 seconds. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** How long the visitor still waits for an agent; nothing once the time is up (the server then marks it missed). */
function WaitingCountdown({ until }: { until: number }) {
  const now = useNow(1000);
  if (until <= now) return null;
  return (
    <span class="badge badge--waiting" title="The visitor is waiting for an agent to take this chat">
      Waiting {formatCountdown(until - now)}
    </span>
  );
}

export function ConversationBadges({ conversation: c }: { conversation: Conversation }) {
  return (
    <>
      {/* Loose checks: a server from before these fields leaves them out. */}
      {c.waitingUntil != null && <WaitingCountdown until={c.waitingUntil} />}
      {c.missedAt != null && (
        <span
          class="badge badge--missed"
          title="Nobody took this chat in time; the bot asked for the visitor's details"
        >
          Missed
        </span>
      )}
    </>
  );
}
