// Size budgets (gzip bytes) from the engineering guide, section 4. size.test.ts enforces them; the bench prints them.
export const WIDGET_BUDGET = {
  /** widget.js: everything a page downloads before the visitor interacts. */
  loaderGzipBytes: 2048,
  /** widget.js + widget-chat.js: the whole widget once the chat is opened. */
  totalGzipBytes: 15360,
} as const;
