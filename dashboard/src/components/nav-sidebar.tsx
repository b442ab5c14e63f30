import type { Agent } from '@livechat/shared/model';
import type { ConnectionStatus } from '@livechat/shared/client';
import { routeHref, type Route } from '../state/route.js';
import { ConnectionIndicator } from './connection-indicator.js';
import { AvailabilitySwitch } from './availability-switch.js';
import { Avatar } from './avatar.js';

interface Props {
  agent: Agent;
  route: Route;
  /** Open conversations nobody has taken yet. */
  unassignedCount: number;
  /** Open chats only the bot has handled; null when this agent may not see them (no "Bot" link). */
  botCount: number | null;
  /** Whether the inbox shows the Bot folder now (chosen by this link or by its tab). */
  inBotFolder: boolean;
  /** The link is clicked: show the Bot folder, also when the address already names it. */
  onBotFolder: () => void;
  connection: ConnectionStatus;
  closeCode: number | null;
  onSignOut: () => void;
  onAgentChanged: (agent: Agent) => void;
}

type NavPage = Exclude<Route['page'], 'inbox' | 'invite'>;

/** After the inbox, in this order; `admin` links are shown to admins only. */
const LINKS: { page: NavPage; label: string; admin: boolean }[] = [
  { page: 'contacts', label: 'Contacts', admin: false },
  { page: 'leads', label: 'Leads', admin: false },
  { page: 'team', label: 'Team', admin: true },
  { page: 'teams', label: 'Teams', admin: true },
  { page: 'playbook', label: 'Playbook', admin: true },
  { page: 'embed', label: 'Embed', admin: true },
  { page: 'sms', label: 'SMS', admin: true },
  { page: 'saved-replies', label: 'Saved replies', admin: true },
  { page: 'webhooks', label: 'Webhooks', admin: true },
  { page: 'settings', label: 'Settings', admin: false },
  { page: 'profile', label: 'Profile', admin: false },
];

export function NavSidebar(props: Props) {
  const { agent, route, unassignedCount, botCount } = props;
  const botCurrent = route.page === 'inbox' && props.inBotFolder;
  const current = (page: Route['page']) => (route.page === page && !botCurrent ? 'page' : undefined);
  return (
    <aside class="sidebar">
      <div class="sidebar__brand">LiveChat</div>
      <nav class="sidebar__nav" aria-label="Main">
        <a class="sidebar__link" href="#/inbox" aria-current={current('inbox')}>
          Inbox
          {unassignedCount > 0 && (
            <span class="sidebar__count" aria-label={`${unassignedCount} unassigned`}>
              {unassignedCount}
            </span>
          )}
        </a>
        {botCount !== null && (
          <a
            class="sidebar__link sidebar__link--sub"
            href={routeHref({ page: 'inbox', conversationId: null, folder: 'bot' })}
            aria-current={botCurrent ? 'page' : undefined}
            onClick={props.onBotFolder}
            aria-describedby={botCount > 0 ? 'sidebar-bot-count' : undefined}
          >
            Bot
            {/* A description, not part of the name: the link is "Bot" whatever the count. */}
            {botCount > 0 && (
              <>
                <span class="sidebar__count" aria-hidden="true">
                  {botCount}
                </span>
                <span class="visually-hidden" id="sidebar-bot-count" aria-hidden="true">
                  {botCount === 1 ? '1 conversation' : `${botCount} conversations`}
                </span>
              </>
            )}
          </a>
        )}
        {LINKS.filter((link) => !link.admin || agent.role === 'admin').map(({ page, label }) => (
          <a key={page} class="sidebar__link" href={routeHref({ page })} aria-current={current(page)}>
            {label}
          </a>
        ))}
      </nav>
      <div class="sidebar__footer">
        <AvailabilitySwitch agent={agent} onChanged={props.onAgentChanged} />
        <ConnectionIndicator status={props.connection} closeCode={props.closeCode} />
        <div class="sidebar__me">
          <Avatar name={agent.name} kind="agent" src={agent.avatarUrl} />
          <div class="sidebar__who">
            <div class="sidebar__name">{agent.name}</div>
            <div class="sidebar__email">{agent.email}</div>
          </div>
        </div>
        <button type="button" class="button button--ghost sidebar__signout" onClick={props.onSignOut}>
          Sign out
        </button>
      </div>
    </aside>
  );
}
