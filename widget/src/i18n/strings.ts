// Every text the chat panel shows itself (visible or for screen readers), per locale. English is built in; the other
// languages are chunks of their own (tr.ts, sl.ts), fetched when the panel first needs one, so widget-chat.js does not
// carry every language for every visitor. The launcher has its own small table (launcher-strings.ts) so that
// widget.js stays small.
import type { AnswerKind, Locale } from '@livechat/shared/model';

export interface Strings {
  /** Connected, and an agent is available. */
  online: string;
  /** Header title until the server names the bot. */
  title: string;
  close: string;
  /** The textbox's accessible name. */
  message: string;
  placeholder: string;
  send: string;
  /** The buttons beside the message box: pick files, record a voice message, open the emoji picker. */
  attach: string;
  record: string;
  emoji: string;
  sending: string;
  notSent: string;
  retry: string;
  connecting: string;
  reconnecting: string;
  offline: string;
  /** Connected, nobody available. */
  leaveMessage: string;
  unavailable: string;
  empty: string;
  /** Followed by the time left, m:ss. */
  waiting: string;
  joined: (name: string) => string;
  /** The agent handed the chat on (or was unassigned): the bot and the team take over again. */
  left: (name: string) => string;
  /** Why a message over the limit (`n` characters) is not sent; never cut silently. */
  tooLong: (n: number) => string;
  /** The team closed the conversation; writing again starts a new one. */
  closed: string;
  /** Placeholder of the textbox while a question asks for an email address or a phone number. */
  hint: Record<'email' | 'phone', string>;
  /** Why an answer was not accepted. */
  invalid: Record<AnswerKind, string>;
}

/** Every locale the panel speaks, for pickLocale. */
export const PANEL_LOCALES: Record<Locale, true> = { en: true, tr: true, sl: true };

const en: Strings = {
  online: "We're online",
  title: 'Chat with us',
  close: 'Close chat',
  message: 'Message',
  placeholder: 'Write a message…',
  send: 'Send',
  attach: 'Attach file',
  record: 'Record voice message',
  emoji: 'Emoji',
  sending: 'Sending…',
  notSent: 'Not sent.',
  retry: 'Retry',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  leaveMessage: "We're away — leave a message",
  unavailable: 'Chat is unavailable on this site',
  empty: 'Hi there! Ask us anything, we are happy to help.',
  waiting: 'Waiting for an agent…',
  joined: (name) => `${name} joined the chat`,
  left: (name) => `${name} left the chat`,
  tooLong: (n) => `Please shorten your message to ${n} characters or fewer.`,
  closed: 'This chat was closed. Write again any time to start a new one.',
  hint: {
    email: 'Your email address',
    phone: 'Your phone number',
  },
  invalid: {
    text: 'Please enter an answer.',
    email: 'Please enter a valid email address.',
    phone: 'Please enter a valid phone number.',
    choice: 'Please pick one of the options.',
    name: 'Please enter your name.',
  },
};

/** The tables at hand: English, and the languages fetched so far. */
export const STRINGS: Partial<Record<Locale, Strings>> = { en };

const FETCH: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Strings }>> = {
  tr: () => import('./tr.js'),
  sl: () => import('./sl.js'),
};
const fetching: Partial<Record<Locale, Promise<unknown>>> = {};

/** Fetches a language's table once; when that fails (offline), the panel speaks English on this page load. */
export const loadStrings = (locale: Exclude<Locale, 'en'>): Promise<unknown> =>
  (fetching[locale] ??= FETCH[locale]().then(
    (m) => (STRINGS[locale] = m.default),
    () => (STRINGS[locale] = en),
  ));
