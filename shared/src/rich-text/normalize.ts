// The canonical form of a tree: what parseMarkdown returns, and what toMarkdown round-trips exactly.
import { MAX_NESTING } from './syntax.js';
import type { Block, Inline, RichText } from './types.js';

type Scope = { depth: number; parent: Inline['type'] | null; inLink: boolean; oneLine: boolean };

/**
 * A tree is normalized when normalizeRichText returns it unchanged, that is:
 * - text nodes are non-empty, never adjacent, and break lines with "\n" only (no "\r");
 * - bold, italic and link nodes have children; bold is never adjacent to or a direct child of bold, same for
 *   italic; no link is inside a link; no formatting is nested more than MAX_NESTING deep;
 * - bold and italic neither start nor end with whitespace (as in markdown, `** a**` is not bold);
 * - paragraphs and list items neither start nor end with whitespace and are non-empty; paragraphs have no
 *   blank line (no text holds "\n", only whitespace, "\n"); list items have no "\n"; lists are non-empty;
 * - image alts have no "\n", and link hrefs and image srcs have neither "\r" nor "\n".
 * Normalizing keeps the meaning, except that it drops blank lines within paragraphs, turns "\n" in list items
 * and alts into spaces, and removes formatting that is empty, nested too deep, or a link inside a link.
 */
export function normalizeRichText(text: RichText): RichText {
  const blocks: Block[] = [];
  for (const block of text) {
    if (block.type === 'image') {
      blocks.push({ type: 'image', src: stripBreaks(block.src), alt: block.alt.replace(/\r\n?|\n/g, ' ') });
    } else if (block.type === 'paragraph') {
      const children = content(block.children, false);
      if (children.length) blocks.push({ type: 'paragraph', children });
    } else {
      const items = block.items.map((item) => content(item, true)).filter((item) => item.length);
      if (items.length) blocks.push({ type: 'list', items });
    }
  }
  return blocks;
}

const stripBreaks = (url: string) => url.replace(/[\r\n]/g, '');

function content(nodes: Inline[], oneLine: boolean): Inline[] {
  return trimEdges(inlines(nodes, { depth: 0, parent: null, inLink: false, oneLine })).nodes;
}

function inlines(nodes: Inline[], scope: Scope, out: Inline[] = []): Inline[] {
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = node.text.replace(/\r\n?/g, '\n');
      push(out, { type: 'text', text: scope.oneLine ? text.replace(/\n/g, ' ') : text });
    } else if (
      node.type === scope.parent ||
      scope.depth >= MAX_NESTING ||
      (node.type === 'link' && scope.inLink)
    ) {
      inlines(node.children, scope, out); // splice the children in place of the node
    } else {
      const inner = inlines(node.children, {
        depth: scope.depth + 1,
        parent: node.type,
        inLink: scope.inLink || node.type === 'link',
        oneLine: scope.oneLine,
      });
      if (node.type === 'link') {
        if (inner.length) out.push({ type: 'link', href: stripBreaks(node.href), children: inner });
        continue;
      }
      // Whitespace at the edges of bold or italic moves outside it.
      const { lead, nodes: children, trail } = trimEdges(inner);
      push(out, { type: 'text', text: lead });
      if (children.length) push(out, { type: node.type, children });
      push(out, { type: 'text', text: trail });
    }
  }
  return out;
}

/** Appends, merging with the previous node when both are text, bold or italic. */
function push(out: Inline[], node: Inline): void {
  const prev = out.at(-1);
  if (node.type === 'text') {
    if (!node.text) return;
    const text = prev?.type === 'text' ? prev.text + node.text : node.text;
    // A blank line would end the paragraph: keep one of the line breaks around it.
    const merged: Inline = { type: 'text', text: text.replace(/\n\s*\n/g, '\n') };
    if (prev?.type === 'text') out[out.length - 1] = merged;
    else out.push(merged);
  } else if (prev && node.type !== 'link' && prev.type === node.type) {
    const children = [...prev.children];
    for (const child of node.children) push(children, child);
    out[out.length - 1] = { type: node.type, children };
  } else {
    out.push(node);
  }
}

function trimEdges(nodes: Inline[]): { lead: string; nodes: Inline[]; trail: string } {
  const out = [...nodes];
  let lead = '';
  let trail = '';
  const first = out[0];
  if (first?.type === 'text') {
    const text = first.text.trimStart();
    lead = first.text.slice(0, first.text.length - text.length);
    if (text) out[0] = { type: 'text', text };
    else out.shift();
  }
  const last = out.at(-1);
  if (last?.type === 'text') {
    const text = last.text.trimEnd();
    trail = last.text.slice(text.length);
    if (text) out[out.length - 1] = { type: 'text', text };
    else out.pop();
  }
  return { lead, nodes: out, trail };
}
