// Size budgets (gzip bytes) from the engineering guide, section 4. size.test.ts enforces them; the bench prints them.
export const WIDGET_BUDGET = {
  /** widget.js: everything a page downloads before the visitor interacts. */
  loaderGzipBytes: 2048,
  /** widget.js + widget-chat.js: the whole widget once the chat is opened. */
  totalGzipBytes: 15360,
  /**
   * A feature loaded on first use (files, the voice recorder, the emoji picker, a language, the launcher's unread
   * badge): its chunk together
   * with the shared chunks it imports, beyond widget-chat.js.
   */
  lazyGzipBytes: 10240,
} as const;

/** The chunks widget-chat.js imports on first use, by feature (built as widget-<name>.js beside it). */
export const LAZY_CHUNKS = [
  'files',
  'voice',
  'emoji',
  'tr',
  'sl',
  'badge',
  'waiting-status',
  'receipts',
  'question',
  'linked-view',
  'page-report',
  'typing',
] as const;
