import type { PendingReply } from '../../state/thread.js';
import { FilesAndCaption } from './message-body.js';

interface Props {
  reply: PendingReply;
  authorName: string;
  onRetry: () => void;
  onDiscard: () => void;
}

/** A reply not yet stored by the server: "Sending…", or the refusal with Retry / Discard. */
export function PendingItem({ reply, authorName, onRetry, onDiscard }: Props) {
  return (
    <li class={`msg msg--agent msg--mine msg--pending${reply.error ? ' msg--failed' : ''}`}>
      <div class="msg__meta">
        <span class="msg__author">{authorName}</span>
        <span class="msg__time">{reply.error ? 'Not sent' : 'Sending…'}</span>
      </div>
      {reply.attachments ? (
        <FilesAndCaption attachments={reply.attachments} caption={reply.body} />
      ) : (
        <p class="msg__body">{reply.body}</p>
      )}
      {reply.error && (
        <div class="msg__failure" role="alert">
          <span>{reply.error}</span>
          <button type="button" class="button button--small" onClick={onRetry}>
            Retry
          </button>
          <button type="button" class="button button--small button--ghost" onClick={onDiscard}>
            Discard
          </button>
        </div>
      )}
    </li>
  );
}
