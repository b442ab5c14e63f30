// Bare URLs and e-mail addresses in text become links: http:, https: and mailto: only (javascript:, data: and
// the rest stay text). Trailing punctuation ("see https://x.test/a)." ) is not part of the URL, but a `)` that
// closes a `(` of the URL is (Wikipedia links). Ships in the widget: keep it small.
import { isSafeLinkHref, type Inline } from './types.js';

/** A URL runs to a space, quote or angle bracket; an address is local@domain.tld. */
const LINK = /(?:https?:\/\/|mailto:)[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** Text as text and link nodes, in order; every character of `text` is in exactly one of them. */
export function autolink(text: string): Inline[] {
  const nodes: Inline[] = [];
  let from = 0;
  for (const match of text.matchAll(LINK)) {
    const whole = match[0];
    let end = whole.length;
    const cut = (c = whole[end - 1]!) =>
      ".,;:!?'*_)]}".includes(c) &&
      (c !== ')' || whole.slice(0, end).split('(').length < whole.slice(0, end).split(')').length);
    while (cut()) end--;
    const url = whole.slice(0, end);
    const href = /^(https?|mailto):/i.test(url) ? url : `mailto:${url}`;
    if (!isSafeLinkHref(href) || /^[a-z]+:?\/*$/i.test(url)) continue;
    if (match.index > from) nodes.push({ type: 'text', text: text.slice(from, match.index) });
    nodes.push({ type: 'link', href, children: [{ type: 'text', text: url }] });
    from = match.index + url.length;
  }
  if (from < text.length) nodes.push({ type: 'text', text: text.slice(from) });
  return nodes;
}
