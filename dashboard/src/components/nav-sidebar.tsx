import type { Agent } from '@livechat/shared/model';
import type { ConnectionStatus } from '@livechat/shared/client';
import { routeHref, type Route } from '../state/route.js';
import type { FolderId } from '../state/folders.js';
import { ConnectionIndicator } from './connection-indicator.js';
import { AvailabilitySwitch } from './availability-switch.js';
import { Avatar } from './avatar.js';
import { useT, type TextKey } from '../i18n/i18n.js';

interface Props {
  agent: Agent;
  route: Route;
  /** Open conversations nobody has taken yet. */
  unassignedCount: number;
  /**
   * Chats waiting in the agent's teams' queues ("My teams"), and open chats only the bot has handled (null when this
   * agent may not see them: no "Bot" link).
   */
  teamsCount: number;
  botCount: number | null;
  /** The folder the inbox shows now (chosen by a link here or by its tab). */
  folder: FolderId;
  /** A folder link is clicked: show that folder, also when the address already names it. */
  onFolder: (folder: FolderId) => void;
  connection: ConnectionStatus;
  closeCode: number | null;
  onSignOut: () => void;
  onAgentChanged: (agent: Agent) => void;
}

type NavPage = Exclude<Route['page'], 'inbox' | 'invite'>;

/** After the inbox, in this order; `admin` links are shown to admins only. */
const LINKS: { page: NavPage; label: TextKey; admin: boolean }[] = [
  { page: 'contacts', label: 'nav.contacts', admin: false },
  { page: 'leads', label: 'nav.leads', admin: false },
  { page: 'team', label: 'nav.team', admin: true },
  { page: 'teams', label: 'nav.teams', admin: true },
  { page: 'playbook', label: 'nav.playbook', admin: true },
  { page: 'embed', label: 'nav.embed', admin: true },
  { page: 'business-hours', label: 'nav.businessHours', admin: true },
  { page: 'sms', label: 'nav.sms', admin: true },
  // Agents keep their own saved replies there.
  { page: 'saved-replies', label: 'nav.savedReplies', admin: false },
  { page: 'webhooks', label: 'nav.webhooks', admin: true },
  { page: 'settings', label: 'nav.settings', admin: false },
  { page: 'profile', label: 'nav.profile', admin: false },
];

/** The inbox's folders that also have a link of their own. */
const FOLDER_LINKS = [
  { folder: 'teams', label: 'nav.myTeams' },
  { folder: 'bot', label: 'nav.bot' },
] as const;

export function NavSidebar(props: Props) {
  const { agent, route, unassignedCount } = props;
  const t = useT();
  const folderCounts = { teams: props.teamsCount, bot: props.botCount };
  const inFolderLink = route.page === 'inbox' && FOLDER_LINKS.some((l) => l.folder === props.folder);
  const current = (page: Route['page']) => (route.page === page && !inFolderLink ? 'page' : undefined);
  return (
    <aside class="sidebar">
      <div class="sidebar__brand">LiveChat</div>
      <nav class="sidebar__nav" aria-label={t('nav.main')}>
        <a class="sidebar__link" href="#/inbox" aria-current={current('inbox')}>
          {t('nav.inbox')}
          {unassignedCount > 0 && (
            <span class="sidebar__count" aria-label={t.fn('nav.unassigned')(unassignedCount)}>
              {unassignedCount}
            </span>
          )}
        </a>
        {FOLDER_LINKS.map(({ folder, label }) => {
          const count = folderCounts[folder];
          if (count === null) return null;
          const countId = `sidebar-${folder}-count`;
          return (
            <a
              key={folder}
              class="sidebar__link sidebar__link--sub"
              href={routeHref({ page: 'inbox', conversationId: null, folder })}
              aria-current={route.page === 'inbox' && props.folder === folder ? 'page' : undefined}
              onClick={() => props.onFolder(folder)}
              aria-describedby={count > 0 ? countId : undefined}
            >
              {t(label)}
              {/* A description, not part of the name: the link is "Bot" whatever the count. */}
              {count > 0 && (
                <>
                  <span class="sidebar__count" aria-hidden="true">
                    {count}
                  </span>
                  <span class="visually-hidden" id={countId} aria-hidden="true">
                    {t.plural('nav.conversations', count)}
                  </span>
                </>
              )}
            </a>
          );
        })}
        {LINKS.filter((link) => !link.admin || agent.role === 'admin').map(({ page, label }) => (
          <a key={page} class="sidebar__link" href={routeHref({ page })} aria-current={current(page)}>
            {t(label)}
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
          {t('nav.signOut')}
        </button>
      </div>
    </aside>
  );
}
