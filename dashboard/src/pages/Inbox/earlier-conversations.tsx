import type { Conversation } from '@livechat/shared/model';
import { conversationsApi } from '../../api/index.js';
import { RelativeTime } from '../../components/relative-time.js';
import { useLoad } from '../../components/use-load.js';
import { routeHref } from '../../state/route.js';

interface Props {
  conversation: Conversation;
}

/**
 * The same visitor's other conversations the agent may see (the server leaves out colleagues'), newest first.
 * Shown only when there are some.
 */
export function EarlierConversations({ conversation }: Props) {
  const { id, visitorId } = conversation;
  const { state } = useLoad(() => conversationsApi.list({ visitorId }), [visitorId]);
  const others = state.status === 'ready' ? state.data.filter((c) => c.id !== id) : [];
  if (others.length === 0) return null;
  return (
    <section class="side__section" aria-label="Earlier conversations">
      <h2 class="side__title">Earlier conversations</h2>
      <ul class="earlier">
        {others.map((c) => (
          <li key={c.id}>
            <a class="earlier__link" href={routeHref({ page: 'inbox', conversationId: c.id })}>
              <span class="earlier__number">#{c.number}</span>{' '}
              <span>{c.status === 'closed' ? 'Closed' : 'Open'}</span>{' '}
              <RelativeTime class="muted" ts={c.closedAt ?? c.updatedAt} />
            </a>
            {c.lastMessagePreview && <span class="earlier__preview">{c.lastMessagePreview}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
