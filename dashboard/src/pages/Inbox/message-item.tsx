// Message bodies are rendered as JSX text children, which Preact sets as text nodes: markup in a body stays inert.
import type { Message } from '@livechat/shared/model';
import { RelativeTime } from '../../components/relative-time.js';

interface Props {
  message: Message;
  /** True for the signed-in agent's own messages. */
  mine: boolean;
}

export function MessageItem({ message: m, mine }: Props) {
  if (m.author.kind === 'system') {
    return (
      <li class="msg msg--system">
        <span class="msg__body">{m.body}</span>
        <RelativeTime class="msg__time" ts={m.createdAt} format="clock" />
      </li>
    );
  }
  return (
    <li class={`msg msg--${m.author.kind}${mine ? ' msg--mine' : ''}`}>
      <div class="msg__meta">
        <span class="msg__author">{m.author.name}</span>
        <RelativeTime class="msg__time" ts={m.createdAt} format="clock" />
      </div>
      <p class="msg__body">{m.body}</p>
    </li>
  );
}
