// The launcher's words and whether someone is there to answer, before the visitor opens the chat: one
// cookie-less GET; whatever fails leaves the launcher as it is.
import { LAUNCHER_STRINGS } from './i18n/launcher-strings.js';
import { pickLocale } from './i18n/pick-locale.js';

/** GET /api/widget/:siteKey/status answers this (trusted no further than its types are checked). */
interface SiteStatus {
  online?: unknown;
  /** The site's default language. */
  locale?: unknown;
}

export function showStatus(
  launcher: HTMLElement,
  note: HTMLElement,
  serverUrl: string,
  siteKey: string,
): void {
  const show = (status?: SiteStatus | null): void => {
    const t = LAUNCHER_STRINGS[pickLocale(LAUNCHER_STRINGS, navigator.languages, status?.locale)];
    launcher.setAttribute('aria-label', t.open);
    if (status?.online !== true) return;
    note.textContent = t.online;
    launcher.setAttribute('aria-describedby', note.id);
    launcher.classList.add('online');
  };
  show();
  // A non-JSON answer rejects and an error body has no `online`: both are ignored.
  void fetch(`${serverUrl}/api/widget/${encodeURIComponent(siteKey)}/status`, { credentials: 'omit' })
    .then((response) => response.json() as Promise<SiteStatus | null>)
    .then(show, () => {});
}
