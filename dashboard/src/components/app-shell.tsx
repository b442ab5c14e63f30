// The signed-in layout: left nav, then the routed page. Owns the inbox store for the session's lifetime.
import type { Agent } from '@livechat/shared/model';
import type { SocketLike } from '@livechat/shared/client';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { InboxStore } from '../state/inbox-store.js';
import { useStore } from '../state/use-store.js';
import { useRoute } from '../state/use-route.js';
import type { Route } from '../state/route.js';
import { InboxPage } from '../pages/Inbox/inbox-page.js';
import { ReceiptsContext } from '../pages/Inbox/receipts.js';
import { TeamPage } from '../pages/Team/team-page.js';
import { TeamsPage } from '../pages/Teams/teams-page.js';
import { PlaybookPage } from '../pages/Playbook/playbook-page.js';
import { EmbedPage } from '../pages/Embed/embed-page.js';
import { LeadsPage } from '../pages/Leads/leads-page.js';
import { SavedRepliesPage } from '../pages/SavedReplies/saved-replies-page.js';
import { SettingsPage } from '../pages/Settings/settings-page.js';
import { WebhooksPage } from '../pages/Webhooks/webhooks-page.js';
import { ProfilePage } from '../pages/Profile/profile-page.js';
import { SmsPage } from '../pages/Sms/sms-page.js';
import { BusinessHoursPage } from '../pages/BusinessHours/business-hours-page.js';
import { ContactsPage } from '../pages/Contacts/contacts-page.js';
import { useNotifications } from '../notifications/use-notifications.js';
import { NavSidebar } from './nav-sidebar.js';
import { MobileNav } from './mobile-nav.js';

interface Props {
  agent: Agent;
  createSocket: ((url: string) => SocketLike) | undefined;
  onSignOut: () => void;
  /** The server ended the session (401 or socket close 4001/4010). */
  onSessionEnded: () => void;
  onAgentChanged: (agent: Agent) => void;
}

export function AppShell({ agent, createSocket, onSignOut, onSessionEnded, onAgentChanged }: Props) {
  const ended = useRef(onSessionEnded);
  ended.current = onSessionEnded;
  const changed = useRef(onAgentChanged);
  changed.current = onAgentChanged;
  // Desktop notifications and the tab title's unread count hear each socket frame just before the inbox store
  // applies it, so they can compare it with what the store knew (`store` is read only when frames arrive).
  const notifications = useNotifications(agent.id, (id) => store.getState().conversations.get(id));
  // One store per signed-in agent; a role change keeps it, a different agent gets a fresh one.
  const store = useMemo(
    () =>
      new InboxStore({
        createSocket: notifications.tap(createSocket),
        onSignedOut: () => ended.current(),
        onAgent: (a) => changed.current(a),
      }),
    [agent.id], // createSocket is fixed for the app's lifetime
  );
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);

  const state = useStore(store);
  const route = useRoute();
  const unassignedCount = state.counts?.unassigned ?? 0;

  const page = (r: Route) => {
    switch (r.page) {
      case 'team':
        return <TeamPage agent={agent} onSelfChanged={onAgentChanged} />;
      case 'teams':
        return <TeamsPage agent={agent} />;
      case 'playbook':
        return <PlaybookPage agent={agent} />;
      case 'embed':
        return <EmbedPage agent={agent} />;
      case 'leads':
        return <LeadsPage />;
      case 'saved-replies':
        return <SavedRepliesPage agent={agent} />;
      case 'webhooks':
        return <WebhooksPage agent={agent} />;
      case 'settings':
        return <SettingsPage agent={agent} settings={notifications.settings} />;
      case 'sms':
        return <SmsPage agent={agent} />;
      case 'business-hours':
        return <BusinessHoursPage agent={agent} />;
      case 'contacts':
        return <ContactsPage contactId={r.contactId ?? null} agent={agent} />;
      case 'profile':
        return <ProfilePage agent={agent} onAgentChanged={onAgentChanged} />;
      case 'inbox':
      case 'invite': // the app shows the invite page itself, before the shell
        return (
          <InboxPage
            store={store}
            state={state}
            agent={agent}
            conversationId={r.page === 'inbox' ? r.conversationId : null}
            folder={r.page === 'inbox' ? r.folder : undefined}
            filters={r.page === 'inbox' ? r.filters : undefined}
          />
        );
    }
  };

  return (
    <div class="shell">
      <MobileNav>
        <NavSidebar
          agent={agent}
          route={route}
          unassignedCount={unassignedCount}
          teamsCount={state.counts?.teams ?? 0}
          botCount={state.counts?.bot ?? null}
          folder={state.folder}
          onFolder={(folder) => store.setFolder(folder)}
          connection={state.connection}
          closeCode={state.closeCode}
          onSignOut={onSignOut}
          onAgentChanged={onAgentChanged}
        />
      </MobileNav>
      {/* Typing, seen receipts and unread counts reach the inbox's components (see Inbox/receipts.tsx). */}
      <ReceiptsContext.Provider value={store.receipts}>{page(route)}</ReceiptsContext.Provider>
    </div>
  );
}
