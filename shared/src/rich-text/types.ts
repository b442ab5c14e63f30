// The rich-text tree that playbook messages are stored and sent as. Zod-free, so the widget can import it.
// Only what the schema in model/rich-text.ts allows can be stored: no HTML, no unsafe URLs.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: Inline[] }
  | { type: 'italic'; children: Inline[] }
  /** href is http:, https: or mailto: (checked by RichTextSchema). */
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  /** Newlines inside text are line breaks. */
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; items: Inline[][] }
  /** src is https: (checked by RichTextSchema). */
  | { type: 'image'; src: string; alt: string };

export type RichText = Block[];

const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Absolute http(s) or mailto URL; anything else (javascript:, data:, relative) is refused. */
export function isSafeLinkHref(href: string): boolean {
  const url = parseUrl(href);
  return url !== null && LINK_PROTOCOLS.includes(url.protocol);
}

/** Images load from https only, so a widget on an https page never shows mixed content. */
export function isSafeImageSrc(src: string): boolean {
  return parseUrl(src)?.protocol === 'https:';
}
