import type { Agent } from '@livechat/shared/model';
import type { ConnectionStatus } from '@livechat/shared/client';
import type { Route } from '../state/route.js';
import { ConnectionIndicator } from './connection-indicator.js';
import { Avatar } from './avatar.js';

interface Props {
  agent: Agent;
  route: Route;
  openCount: number;
  connection: ConnectionStatus;
  closeCode: number | null;
  onSignOut: () => void;
}

export function NavSidebar({ agent, route, openCount, connection, closeCode, onSignOut }: Props) {
  return (
    <aside class="sidebar">
      <div class="sidebar__brand">LiveChat</div>
      <nav class="sidebar__nav" aria-label="Main">
        <a class="sidebar__link" href="#/inbox" aria-current={route.page === 'inbox' ? 'page' : undefined}>
          Inbox
          {openCount > 0 && (
            <span class="sidebar__count" aria-label={`${openCount} open`}>
              {openCount}
            </span>
          )}
        </a>
        {agent.role === 'admin' && (
          <a class="sidebar__link" href="#/team" aria-current={route.page === 'team' ? 'page' : undefined}>
            Team
          </a>
        )}
      </nav>
      <div class="sidebar__footer">
        <ConnectionIndicator status={connection} closeCode={closeCode} />
        <div class="sidebar__me">
          <Avatar name={agent.name} kind="agent" />
          <div class="sidebar__who">
            <div class="sidebar__name">{agent.name}</div>
            <div class="sidebar__email">{agent.email}</div>
          </div>
        </div>
        <button type="button" class="button button--ghost sidebar__signout" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </aside>
  );
}
