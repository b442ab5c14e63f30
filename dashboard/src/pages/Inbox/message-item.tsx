import type { Delivery, Message } from '@livechat/shared/model';
import { RelativeTime } from '../../components/relative-time.js';
import { displayName } from '../Sms/display-name.js';
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
  const author = displayName(m.author.kind === 'visitor' && visitorName ? visitorName : m.author.name);
  return (
    <li class={`msg msg--${m.author.kind}${mine ? ' msg--mine' : ''}`}>
      <div class="msg__meta">
        <span class="msg__author">{author}</span>
        {m.author.kind === 'bot' && <span class="msg__tag">Bot</span>}
        <RelativeTime class="msg__time" ts={m.createdAt} format="clock" />
      </div>
      <MessageBody message={m} />
      {/* Texts the team (or its bot) sent by SMS; inbound texts carry none. */}
      {m.author.kind !== 'visitor' && m.delivery && <DeliveryStatus delivery={m.delivery} />}
    </li>
  );
}

/** Where a text sent by SMS is, by the provider's latest report: "Delivered", "Not delivered: <why>". */
export function deliveryText({ status, error }: Delivery): string {
  switch (status) {
    case 'queued':
      return 'Queued';
    case 'sent':
      return 'Sent';
    case 'delivered':
      return 'Delivered';
    case 'undelivered':
      return error ? `Not delivered: ${error}` : 'Not delivered';
    case 'failed':
      return error ? `Failed: ${error}` : 'Failed';
  }
}

function DeliveryStatus({ delivery }: { delivery: Delivery }) {
  const failed = delivery.status === 'undelivered' || delivery.status === 'failed';
  return (
    <p class={`msg__delivery msg__delivery--${failed ? 'failed' : delivery.status}`}>
      {deliveryText(delivery)}
    </p>
  );
}
