import type { ContactSummary, Team } from '@livechat/shared/api';
import type { Conversation } from '@livechat/shared/model';
import type { Colleague } from '../../api/index.js';
import { Avatar } from '../../components/avatar.js';
import { ConversationBadges } from '../../components/conversation-badges.js';
import { RelativeTime } from '../../components/relative-time.js';
import { ChannelIcon } from '../Sms/channel-icon.js';
import { displayName } from '../Sms/display-name.js';
import { ClosedAt } from './closed-at.js';
import { SmsContactLine } from './sms-contact-line.js';
import { useT, type Translate } from '../../i18n/i18n.js';

interface Props {
  conversation: Conversation | undefined;
  agentId: string;
  colleagues: readonly Colleague[];
  teams: readonly Pick<Team, 'id' | 'name'>[];
  /** An SMS conversation's contact (number, opt-out), or null. */
  smsContact?: ContactSummary | null;
}

function assignedText(
  assigneeId: string,
  agentId: string,
  colleagues: readonly Colleague[],
  t: Translate,
): string {
  if (assigneeId === agentId) return t('header.assignedToYou');
  const name = colleagues.find((c) => c.id === assigneeId)?.name;
  return name ? t.fn('header.assignedTo')(name) : t('header.assigned');
}

/** The team the conversation is filed under: its queue while it waits, the team it came through once taken. */
function teamText(teamId: string, waiting: boolean, teams: Props['teams'], t: Translate): string {
  const name = teams.find((team) => team.id === teamId)?.name ?? t('header.aTeam');
  return waiting ? t.fn('header.waitingIn')(name) : t.fn('header.team')(name);
}

export function ConversationHeader({ conversation: c, agentId, colleagues, teams, smsContact }: Props) {
  const t = useT();
  if (!c) {
    return (
      <header class="pane-header thread-header">
        <h2 class="thread-header__title">{t('header.conversation')}</h2>
      </header>
    );
  }
  return (
    <header class="pane-header thread-header">
      <Avatar name={c.visitorName} />
      <div class="thread-header__who">
        <h2 class="thread-header__title">
          <span class="thread-header__number">#{c.number}</span>{' '}
          {c.channel === 'sms' && (
            <>
              <ChannelIcon channel="sms" />{' '}
            </>
          )}
          {displayName(c.visitorName)}
        </h2>
        <div class="thread-header__sub">
          {c.status === 'closed' && c.closedAt != null ? (
            <ClosedAt class="badge badge--closed-at" ts={c.closedAt} />
          ) : (
            <span class={`badge badge--${c.status}`}>
              {c.status === 'open' ? t('header.open') : t('header.closed')}
            </span>
          )}
          <ConversationBadges conversation={c} />
          {c.channel === 'sms' && (
            <SmsContactLine
              contactId={c.visitorId}
              visitorName={c.visitorName}
              contact={smsContact ?? null}
            />
          )}
          <span>
            {t('header.started')} <RelativeTime ts={c.createdAt} />
          </span>
          {c.assigneeId && <span>{assignedText(c.assigneeId, agentId, colleagues, t)}</span>}
          {c.teamId && <span>{teamText(c.teamId, c.assigneeId === null, teams, t)}</span>}
        </div>
      </div>
    </header>
  );
}
