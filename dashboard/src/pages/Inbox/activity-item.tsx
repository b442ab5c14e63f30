import type { Activity } from '@livechat/shared/model';
import { RelativeTime } from '../../components/relative-time.js';
import { TimelineEvent } from './system-event.js';

/** An agents-only entry: a note as a yellow bubble, anything else (assigned, closed, deal created…) as an event. */
export function ActivityItem({ activity: a }: { activity: Activity }) {
  if (a.kind !== 'note') return <TimelineEvent text={a.text} ts={a.createdAt} />;
  return (
    <li class="msg msg--note">
      <div class="msg__meta">
        <span class="msg__author">{a.actor?.name ?? 'Someone'}</span>
        <span class="msg__tag msg__tag--note">Internal note</span>
        <RelativeTime class="msg__time" ts={a.createdAt} format="clock" />
      </div>
      <p class="msg__body">{a.text}</p>
    </li>
  );
}
