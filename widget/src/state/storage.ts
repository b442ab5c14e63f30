// The one storage entry per site: localStorage `livechat:<siteKey>`. Written only once the chat was opened;
// every read tolerates missing, blocked or tampered storage.
import type { Attachment } from '@livechat/shared/model';

/** A command that was not acked when the page went away; resent with the same id (the server dedupes by id). */
export interface SavedMessage {
  id: string;
  body: string;
  /** Uploaded files the message carries (shown while it is resent; the command sends their ids). */
  files?: readonly Attachment[];
}

export interface Saved {
  token?: string;
  open?: boolean;
  pending?: SavedMessage[];
  /** Highest seq already reported to `onMessage`, so a reload does not report history again. */
  seen?: { conversationId: string; seq: number };
  /** Agents' messages reported while the panel was closed: the launcher's badge, until the visitor opens the chat. */
  unread?: number;
}

export const storageKey = (siteKey: string): string => `livechat:${siteKey}`;

/** localStorage, or null where reading it throws (sandboxed iframes, blocked cookies). */
export function defaultStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The saved entry as stored, every field unchecked (anyone on the page can write to localStorage). */
export function readRaw(
  storage: Storage | null,
  siteKey: string,
): Partial<Record<keyof Saved, unknown>> | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(storageKey(siteKey)) ?? 'null');
    if (value && typeof value === 'object') return value;
  } catch {
    // Unreadable entry: start fresh.
  }
  return null;
}

/** The saved entry, keeping only well-typed fields. */
export function readSaved(storage: Storage | null, siteKey: string): Saved {
  const value = readRaw(storage, siteKey);
  if (!value) return {};
  const { token, open, pending, seen, unread } = value;
  const s = seen as Saved['seen'];
  return {
    token: typeof token === 'string' ? token : undefined,
    open: open === true,
    pending: Array.isArray(pending)
      ? (pending as SavedMessage[]).filter(
          (m) =>
            typeof m?.id === 'string' &&
            typeof m.body === 'string' &&
            (m.files === undefined || Array.isArray(m.files)),
        )
      : [],
    seen: typeof s?.conversationId === 'string' && typeof s.seq === 'number' ? s : undefined,
    unread: Number(unread) || undefined,
  };
}

export function writeSaved(storage: Storage | null, siteKey: string, saved: Saved): void {
  try {
    storage?.setItem(storageKey(siteKey), JSON.stringify(saved));
  } catch {
    // Quota exceeded or storage blocked: the chat still works for this page load.
  }
}
