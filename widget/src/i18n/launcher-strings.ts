// What the launcher says: the loader's only texts, kept apart from the chat's table so widget.js stays small.
import type { Locale } from '@livechat/shared/model';

export interface LauncherStrings {
  open: string;
  /** The launcher's description while an agent is available. */
  online: string;
}

export const LAUNCHER_STRINGS: Record<Locale, LauncherStrings> = {
  en: { open: 'Open chat', online: "We're online" },
  tr: { open: 'Sohbeti aç', online: 'Çevrimiçiyiz' },
  sl: { open: 'Odpri klepet', online: 'Smo na voljo' },
};
