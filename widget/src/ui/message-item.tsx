import type { ChatMessage } from '../state/messages.js';

interface Props {
  message: ChatMessage;
  /** Show the author's name (the first of a run of messages by the same agent). */
  showAuthor: boolean;
  onRetry: (clientId: string) => void;
}

// The body is a text child: preact sets it as a text node, so markup in a message is shown, never parsed.
export function MessageItem({ message: m, showAuthor, onRetry }: Props) {
  const mine = m.author.kind === 'visitor';
  return (
    <div class={`msg ${mine ? 'mine' : 'theirs'} ${m.author.kind}`}>
      {showAuthor && <span class="author">{m.author.name}</span>}
      <p class="bubble">{m.body}</p>
      {m.status === 'sending' && <span class="state">Sending…</span>}
      {m.status === 'failed' && m.clientId && (
        <span class="state failed">
          Not sent.{' '}
          <button type="button" onClick={() => onRetry(m.clientId!)}>
            Retry
          </button>
        </span>
      )}
    </div>
  );
}
