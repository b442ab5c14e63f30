import type { Message } from '@livechat/shared/model';
import { RelativeTime } from '../../components/relative-time.js';

function describe(m: Message): string {
  switch (m.content?.type) {
    case 'waiting':
      return 'Waiting for an agent';
    case 'agent_joined':
      return `${m.content.agent.name} joined the chat`;
    case 'agent_left':
      return `${m.content.agent.name} left the chat`;
    case 'closed':
    case 'rich':
    case 'question':
    case 'invalid_answer':
    case undefined:
      return m.body;
  }
}

/** An event in the timeline (the wait began, an agent joined, a deal was created), centered between messages. */
export function TimelineEvent({ text, ts }: { text: string; ts: number }) {
  return (
    <li class="msg msg--system">
      <span class="msg__body">{text}</span>
      <RelativeTime class="msg__time" ts={ts} format="clock" />
    </li>
  );
}

/** A system message, as the visitor saw it too. */
export function SystemEvent({ message }: { message: Message }) {
  return <TimelineEvent text={describe(message)} ts={message.createdAt} />;
}
