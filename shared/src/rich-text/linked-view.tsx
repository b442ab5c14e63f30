// The rich-text views with bare URLs and e-mail addresses as links (http, https, mailto only; autolink.ts): what the
// dashboard shows, and what the widget fetches as a chunk for a message that may hold a link.
import { autolink } from './autolink.js';
import type { Inline, RichText } from './types.js';
import { InlineView, RichTextView } from './view.js';

/** The nodes with their text autolinked, except inside links. */
const linked = (nodes: Inline[]): Inline[] =>
  nodes.flatMap((node): Inline[] =>
    node.type === 'text'
      ? autolink(node.text)
      : node.type === 'link'
        ? [node]
        : [{ ...node, children: linked(node.children) }],
  );

export const LinkedRichText = ({ text }: { text: RichText }) => (
  <RichTextView
    text={text.map((block) =>
      block.type === 'paragraph'
        ? { ...block, children: linked(block.children) }
        : block.type === 'list'
          ? { ...block, items: block.items.map(linked) }
          : block,
    )}
  />
);

/** A plain message body. */
export const LinkedText = ({ text }: { text: string }) => <InlineView nodes={autolink(text)} />;
