import type { Message } from '@livechat/shared/model';
import { RelativeTime } from '../../components/relative-time.js';

function describe(m: Message): string {
  switch (m.content?.type) {
    case 'waiting':
      return 'Waiting for an agent';
    case 'agent_joined':
      return `${m.content.agent.name} joined the chat`;
    default:
      return m.body;
  }
}

/** An event in the timeline (the wait began, an agent joined), centered between the messages. */
export function SystemEvent({ message }: { message: Message }) {
  return (
    <li class="msg msg--system">
      <span class="msg__body">{describe(message)}</span>
      <RelativeTime class="msg__time" ts={message.createdAt} format="clock" />
    </li>
  );
}
