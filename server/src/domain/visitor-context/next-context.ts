// The context after the visitor opened a page: pure, so the session rules are tested without a database.
import { PAGES_KEPT, isHttpUrl, type VisitorContext } from '@livechat/shared/model';
import type { BrowserAndOs } from './user-agent.js';

/** A page opened this long after the last one starts a new session (its referrer, a fresh list of pages). */
export const SESSION_GAP_MS = 30 * 60_000;

/** What the widget said (validated by PageViewSchema) and what the server saw. */
export interface PageSeen extends BrowserAndOs {
  url: string;
  title: string;
  referrer?: string | undefined;
  timeZone?: string | undefined;
  language?: string | undefined;
  /** The Accept-Language header's first tag, when the widget sent no language. */
  acceptLanguage?: string | undefined;
}

/** The first tag of an Accept-Language header ("tr-TR,tr;q=0.9,en;q=0.8" -> "tr-TR"), if it reads as one. */
export function firstLanguage(header: string | undefined): string | undefined {
  const tag = header?.split(',')[0]?.split(';')[0]?.trim();
  return tag && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}

export function nextContext(previous: VisitorContext | null, seen: PageSeen, at: number): VisitorContext {
  const sameSession = previous !== null && at - previous.updatedAt < SESSION_GAP_MS;
  const pages = sameSession ? previous.pages : [];
  const last = pages.at(-1);
  // A reconnect on the same page (or a second tab's hello) is not a new visit.
  const page =
    last && last.url === seen.url
      ? { ...last, title: seen.title || last.title }
      : { url: seen.url, title: seen.title, at };
  const referrer = seen.referrer && isHttpUrl(seen.referrer) ? seen.referrer : null;
  return {
    page,
    // The session's first page tells where the visitor came from; later pages' referrers are the site's own.
    referrer: sameSession ? previous.referrer : referrer,
    pages: [...(last && last.url === seen.url ? pages.slice(0, -1) : pages), page].slice(-PAGES_KEPT),
    browser: seen.browser ?? (sameSession ? previous.browser : null),
    os: seen.os ?? (sameSession ? previous.os : null),
    language: seen.language ?? seen.acceptLanguage ?? previous?.language ?? null,
    timeZone: seen.timeZone ?? previous?.timeZone ?? null,
    updatedAt: at,
  };
}
