// The signed-in layout: left nav, then the routed page. Owns the inbox store for the session's lifetime.
import type { Agent } from '@livechat/shared/model';
import type { SocketLike } from '@livechat/shared/client';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { InboxStore } from '../state/inbox-store.js';
import { useStore } from '../state/use-store.js';
import { useRoute } from '../state/use-route.js';
import { listConversations } from '../state/conversation-list.js';
import { InboxPage } from '../pages/Inbox/inbox-page.js';
import { TeamPage } from '../pages/Team/team-page.js';
import { NavSidebar } from './nav-sidebar.js';

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
  // One store per signed-in agent; a role change keeps it, a different agent gets a fresh one.
  const store = useMemo(
    () => new InboxStore({ createSocket, onSignedOut: () => ended.current() }),
    [agent.id], // createSocket is fixed for the app's lifetime
  );
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);

  const state = useStore(store);
  const route = useRoute();
  const openCount = useMemo(
    () => listConversations(state.conversations, 'open').length,
    [state.conversations],
  );

  return (
    <div class="shell">
      <NavSidebar
        agent={agent}
        route={route}
        openCount={openCount}
        connection={state.connection}
        closeCode={state.closeCode}
        onSignOut={onSignOut}
      />
      {route.page === 'team' ? (
        <TeamPage agent={agent} onSelfChanged={onAgentChanged} />
      ) : (
        <InboxPage
          store={store}
          state={state}
          agent={agent}
          conversationId={route.page === 'inbox' ? route.conversationId : null}
        />
      )}
    </div>
  );
}
