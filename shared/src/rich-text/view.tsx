// Renders a rich-text tree as Preact elements, never as HTML. Ships in the widget: keep it small. Bare URLs become
// links in linked-view.tsx, which the widget fetches only for messages that may hold one.
import type { ComponentChildren } from 'preact';
import { isSafeImageSrc, isSafeLinkHref, type Inline, type RichText } from './types.js';

function inlines(nodes: Inline[]): ComponentChildren {
  return nodes.map((node) => {
    if (node.type === 'text') return node.text.split('\n').map((line, i) => (i ? [<br />, line] : line));
    const children = inlines(node.children);
    if (node.type === 'bold') return <strong>{children}</strong>;
    if (node.type === 'italic') return <em>{children}</em>;
    // The schema refuses unsafe hrefs already; a link that slips through shows as its text.
    return isSafeLinkHref(node.href) ? (
      <a href={node.href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      children
    );
  });
}

/** A rich text in a `<div class="rt">`; images that are not https are skipped. */
export function RichTextView({ text }: { text: RichText }) {
  return (
    <div class="rt">
      {text.map((block) =>
        block.type === 'paragraph' ? (
          <p>{inlines(block.children)}</p>
        ) : block.type === 'list' ? (
          <ul>
            {block.items.map((item) => (
              <li>{inlines(item)}</li>
            ))}
          </ul>
        ) : (
          isSafeImageSrc(block.src) && <img src={block.src} alt={block.alt} loading="lazy" />
        ),
      )}
    </div>
  );
}

/** Inline nodes without a block around them (a message body in its bubble). */
export const InlineView = ({ nodes }: { nodes: Inline[] }) => <>{inlines(nodes)}</>;
