// The launcher's badge while agents' messages wait unread (a chunk of its own, fetched the first time some do): the
// count on the launcher, and in its description for screen readers ("We're online 2 unread messages"); the name
// stays "Open chat". The chat session counts them (see chat-session.ts) and clears the count when the panel opens.
// A count that grew rings once across the visitor's tabs (chime.ts).
import type { Locale } from '@livechat/shared/model';
import { pickLocale } from '../i18n/pick-locale.js';
import type { ChatSession } from '../state/chat-session.js';
import { defaultStorage } from '../state/storage.js';
import { chime } from './chime.js';

// The loader's online dot is drawn by `.online:before`; this is its red twin at the top, with the count.
const CSS =
  '.unread:after{content:attr(data-n);position:absolute;top:-6px;right:-6px;padding:3px 6px;' +
  'border:2px solid #fff;border-radius:50%;background:#ef4444;color:#fff;font:11px/1 sans-serif}';

/** Slovene counts in four forms: 1 (101, 201…), 2, 3 and 4, the rest (0 too). */
const slovene = (n: number): string =>
  ['', 'neprebrano sporočilo', 'neprebrani sporočili', 'neprebrana sporočila', 'neprebrana sporočila'][
    n % 100
  ] || 'neprebranih sporočil';

const UNREAD: Record<Locale, (n: number) => string> = {
  en: (n) => `${n} unread message${n === 1 ? '' : 's'}`,
  tr: (n) => `${n} okunmamış mesaj`,
  sl: (n) => `${n} ${slovene(n)}`,
};

/** Badges the loader's launcher in `root` (the widget's shadow root; none where the chat is mounted elsewhere). */
export function badge(root: ParentNode, session: ChatSession): void {
  const launcher = root.querySelector<HTMLElement>('.launcher');
  if (!launcher) return;
  const { unread } = session.get();
  let note = root.querySelector<HTMLElement>('#lc-unread');
  if (!note) {
    // Once per launcher: the badge's CSS beside the loader's, and the description's second part.
    const style = document.createElement('style');
    style.textContent = CSS;
    note = document.createElement('span');
    note.id = 'lc-unread';
    note.hidden = true;
    launcher.after(style, note);
    launcher.setAttribute('aria-describedby', 'lc-note lc-unread');
  }
  const words = UNREAD[pickLocale(UNREAD, navigator.languages, session.get().site?.locale)];
  note.textContent = unread > 0 ? words(unread) : '';
  const newest = session.get().messages.confirmed.at(-1);
  if (unread > Number(launcher.dataset.n ?? 0) && newest) {
    const { storage = defaultStorage(), siteKey } = session.options;
    chime(storage, siteKey, { c: newest.conversationId, s: newest.seq });
  }
  launcher.dataset.n = `${unread}`;
  launcher.classList.toggle('unread', unread > 0);
}
