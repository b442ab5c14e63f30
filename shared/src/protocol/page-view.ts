// visitor -> server: the page the visitor is on, sent after each welcome and on in-page navigation (popstate,
// hashchange). The server adds browser and OS from the socket's User-Agent header and keeps the visitor context with
// their open conversation (see model/visitor-context.ts); agents who may see it get `visitor.context.updated`.
import { z } from 'zod';
import { ClientIdSchema, IdSchema } from '../model/ids.js';
import {
  PAGE_TITLE_MAX,
  PAGE_URL_MAX,
  PageUrlSchema,
  VisitorContextSchema,
  isTimeZone,
} from '../model/visitor-context.js';

export const PageViewSchema = z.object({
  type: z.literal('page.view'),
  id: ClientIdSchema,
  /** `location.href`: http or https only, at most PAGE_URL_MAX characters. */
  url: PageUrlSchema,
  /** `document.title`: trimmed and cut to PAGE_TITLE_MAX. */
  title: z
    .string()
    .max(8192)
    .transform((t) => t.replace(/\s+/g, ' ').trim().slice(0, PAGE_TITLE_MAX)),
  /** `document.referrer`; kept (for the session's first page) only when it is an http or https URL. */
  referrer: z.string().max(PAGE_URL_MAX).optional(),
  /** `Intl.DateTimeFormat().resolvedOptions().timeZone`. */
  timeZone: z.string().max(64).refine(isTimeZone, 'not a known time zone').optional(),
  /** `navigator.language`. */
  language: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'not a language tag')
    .optional(),
});
export type PageView = z.input<typeof PageViewSchema>;

/** server -> agent: the visitor of a conversation the agent may see moved to another page (or reconnected). */
export const VisitorContextUpdatedFrameSchema = z.object({
  type: z.literal('visitor.context.updated'),
  conversationId: IdSchema,
  context: VisitorContextSchema,
});
export type VisitorContextUpdatedFrame = z.infer<typeof VisitorContextUpdatedFrameSchema>;
