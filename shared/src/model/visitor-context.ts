// Visitor context: where the visitor is on the site (following their navigation), where they came from, and what
// they browse with. The widget says only the page, the referrer, its time zone and language (see the `page.view`
// frame); the server adds the rest (browser and OS from the User-Agent header) and keeps it with the conversation.
import { z } from 'zod';
import { TimestampSchema } from './ids.js';

/** Longest page URL or referrer kept; a longer page is refused (not cut: a cut URL may point elsewhere). */
export const PAGE_URL_MAX = 2048;
/** Page titles are trimmed and cut to this. */
export const PAGE_TITLE_MAX = 300;
/** Pages kept per session, most recent last. */
export const PAGES_KEPT = 20;

/** An absolute http: or https: URL; anything else (javascript:, data:, file:) is never stored nor linked. */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** An IANA time zone this runtime knows (what `Intl.DateTimeFormat().resolvedOptions().timeZone` gives). */
export function isTimeZone(text: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: text });
    return true;
  } catch {
    return false;
  }
}

export const PageUrlSchema = z
  .string()
  .max(PAGE_URL_MAX, `at most ${PAGE_URL_MAX} characters`)
  .refine(isHttpUrl, 'must be an http or https URL');

export const VisitedPageSchema = z.object({
  url: z.string(),
  title: z.string(),
  /** When the visitor opened it (epoch ms, the server's clock). */
  at: TimestampSchema,
});
export type VisitedPage = z.infer<typeof VisitedPageSchema>;

export const VisitorContextSchema = z.object({
  /** The page the visitor is on now (the last of `pages`). */
  page: VisitedPageSchema.nullable(),
  /** The referrer of the session's first page: where they came from. */
  referrer: z.string().nullable(),
  /** This session's pages, at most PAGES_KEPT, most recent last. */
  pages: z.array(VisitedPageSchema),
  /** e.g. "Chrome 131", "Firefox 133"; null when the User-Agent says nothing known. */
  browser: z.string().nullable(),
  /** e.g. "Windows 10", "macOS 14.5", "Android 15". */
  os: z.string().nullable(),
  /** A BCP 47 tag, e.g. "tr-TR". */
  language: z.string().nullable(),
  /** An IANA time zone, e.g. "Europe/Istanbul": the panel shows the visitor's local time from it. */
  timeZone: z.string().nullable(),
  updatedAt: TimestampSchema,
});
export type VisitorContext = z.infer<typeof VisitorContextSchema>;
