import type { Conversation } from '@livechat/shared/model';
import { RelativeTime } from '../../components/relative-time.js';
import { ConversationBadges } from '../../components/conversation-badges.js';
import { routeHref } from '../../state/route.js';
import { ChannelIcon } from '../Sms/channel-icon.js';
import { displayName } from '../Sms/display-name.js';
import { ClosedAt } from './closed-at.js';
import { UnreadBadge } from './receipts.js';

interface Props {
  conversation: Conversation;
  selected: boolean;
}

export function ConversationListItem({ conversation: c, selected }: Props) {
  return (
    <li>
      <a
        class={`conv${selected ? ' conv--selected' : ''}`}
        href={routeHref({ page: 'inbox', conversationId: c.id })}
        aria-current={selected ? 'true' : undefined}
      >
        <span class="conv__top">
          <span class="conv__number">#{c.number}</span>
          {c.channel === 'sms' && <ChannelIcon channel="sms" />}
          <span class="conv__name">{displayName(c.visitorName)}</span>
          <UnreadBadge conversationId={c.id} />
          <RelativeTime class="conv__time" ts={c.updatedAt} />
        </span>
        <span class="conv__preview">{c.lastMessagePreview ?? 'No messages yet'}</span>
        <span class="conv__badges">
          <ConversationBadges conversation={c} />
          {c.closedAt != null && <ClosedAt class="badge badge--closed-at" ts={c.closedAt} />}
          {c.tags.map((tag) => (
            <span key={tag} class="badge badge--tag">
              {tag}
            </span>
          ))}
        </span>
      </a>
    </li>
  );
}
