// What the launcher says: the loader's only texts, kept apart from the chat's table so widget.js stays small.
import type { Locale } from '@livechat/shared/model';

/** The launcher's name, and its description while an agent is available (a pair: shorter in widget.js). */
export type LauncherStrings = readonly [open: string, online: string];

export const LAUNCHER_STRINGS: Record<Locale, LauncherStrings> = {
  en: ['Open chat', "We're online"],
  tr: ['Sohbeti aç', 'Çevrimiçiyiz'],
  sl: ['Odpri klepet', 'Smo na voljo'],
};
