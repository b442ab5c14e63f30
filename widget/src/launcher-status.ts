// The launcher's words and whether someone is there to answer, before the visitor opens the chat: a cookie-less
// GET now, again every 30 s while the page is visible and when it becomes visible (the server answers 304 while
// nothing changed). No socket and no chat module before the visitor interacts; a failed request changes nothing.
// A visitor who chatted before also sends their token (a header, never the URL): when the server counts messages
// written in their open chat since their widget last connected (an agent wrote while they were away), `onUnread`
// loads the chat in the background, which replays them and badges the launcher with what it has not shown yet.
// Returns the check, which the embed runs again when the panel closes (the dot may have changed while it was open).
import { LAUNCHER_STRINGS } from './i18n/launcher-strings.js';
import { pickLocale } from './i18n/pick-locale.js';

/** GET /api/widget/:siteKey/status answers this (trusted no further than its types are checked). */
interface SiteStatus {
  online?: unknown;
  /** The site's default language. */
  locale?: unknown;
  /** Messages written since the visitor's widget last connected (only with their token). */
  unread?: unknown;
}

export function showStatus(
  launcher: HTMLElement,
  note: HTMLElement,
  serverUrl: string,
  siteKey: string,
  /** The visitor's token from storage, unchecked (the server ignores one it does not know). */
  token: string | undefined,
  onUnread: () => void,
): () => void {
  const show = (status?: SiteStatus | null): void => {
    const [name, onlineNote] =
      LAUNCHER_STRINGS[pickLocale(LAUNCHER_STRINGS, navigator.languages, status?.locale)];
    const online = status?.online === true;
    launcher.setAttribute('aria-label', name);
    // The launcher is described by the note (see launcher-style.ts): empty while nobody is online.
    note.textContent = online ? onlineNote : '';
    launcher.classList.toggle('online', online);
    if (status?.unread) onUnread();
  };
  const poll = (): void => {
    // A non-JSON answer rejects and is ignored; an error body has no `online`.
    // Not while the launcher is hidden behind the open panel, which has live presence of its own.
    if (!document.hidden && !launcher.hidden)
      void fetch(`${serverUrl}/api/widget/${encodeURIComponent(siteKey)}/status`, {
        credentials: 'omit',
        headers: token ? { authorization: `Bearer ${token}` } : undefined,
      })
        .then((response) => response.json() as Promise<SiteStatus | null>)
        .then(show, () => {});
  };
  show();
  poll();
  setInterval(poll, 30_000);
  document.addEventListener('visibilitychange', poll);
  return poll;
}
