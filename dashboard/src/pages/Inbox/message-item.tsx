import type { Message } from '@livechat/shared/model';
import { RelativeTime } from '../../components/relative-time.js';
import { MessageBody } from './message-body.js';
import { SystemEvent } from './system-event.js';

interface Props {
  message: Message;
  /** True for the signed-in agent's own messages. */
  mine: boolean;
  /** The contact's current name; null keeps the name each message was written under. */
  visitorName: string | null;
}

export function MessageItem({ message: m, mine, visitorName }: Props) {
  if (m.author.kind === 'system') return <SystemEvent message={m} />;
  const author = m.author.kind === 'visitor' && visitorName ? visitorName : m.author.name;
  return (
    <li class={`msg msg--${m.author.kind}${mine ? ' msg--mine' : ''}`}>
      <div class="msg__meta">
        <span class="msg__author">{author}</span>
        {m.author.kind === 'bot' && <span class="msg__tag">Bot</span>}
        <RelativeTime class="msg__time" ts={m.createdAt} format="clock" />
      </div>
      <MessageBody message={m} />
    </li>
  );
}
