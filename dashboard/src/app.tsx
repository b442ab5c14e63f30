import type { SocketLike } from '@livechat/shared/client';
import type { Agent } from '@livechat/shared/model';
import { authApi } from './api/index.js';
import { useSession } from './state/use-session.js';
import { useRoute } from './state/use-route.js';
import { routeHref } from './state/route.js';
import { confirmLeave } from './state/leave-guard.js';
import { SignInPage } from './pages/SignIn/sign-in-page.js';
import { InvitePage } from './pages/Invite/invite-page.js';
import { AppShell } from './components/app-shell.js';
import { I18nProvider } from './i18n/i18n.js';
import { browserLocale, resolveLocale } from './i18n/locale.js';
import type { JSX } from 'preact';

export interface AppProps {
  /** Opens the agent socket; tests pass a fake. Defaults to the browser WebSocket. */
  createSocket?: (url: string) => SocketLike;
}

export function App({ createSocket }: AppProps) {
  const { session, signedIn, signedOut } = useSession();
  const route = useRoute();
  // The agent's language once known (stored on the server, so it follows them), else the browser's.
  const locale = session.status === 'signed-in' ? resolveLocale(session.agent.language) : browserLocale();
  const wrap = (screen: JSX.Element) => <I18nProvider locale={locale}>{screen}</I18nProvider>;

  if (route.page === 'invite') {
    const accepted = (agent: Agent) => {
      signedIn(agent);
      // Replace the used link in the history, so Back does not land on it.
      location.replace(routeHref({ page: 'inbox', conversationId: null }));
    };
    // Open with or without a session: the link is the credential.
    return wrap(<InvitePage token={route.token} onSignedIn={accepted} />);
  }
  if (session.status === 'loading') return wrap(<div class="splash">Loading…</div>);
  if (session.status === 'signed-out')
    return wrap(<SignInPage onSignedIn={signedIn} notice={session.notice} />);

  const signOut = () => {
    // Signing out leaves every page: unsaved edits that guard their leaving (the side panel's details, the playbook) ask first.
    if (!confirmLeave('#/')) return;
    // Leave the screen whatever the server says: the cookie is HttpOnly, so the server is the one to clear it.
    authApi.logout().then(
      () => signedOut(),
      () => signedOut(),
    );
  };

  return wrap(
    <AppShell
      agent={session.agent}
      createSocket={createSocket}
      onSignOut={signOut}
      onSessionEnded={() => signedOut('Your session has ended. Please sign in again.')}
      onAgentChanged={signedIn}
    />,
  );
}
