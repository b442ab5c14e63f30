// Rich text as plain text, e.g. for notifications, previews and transcripts.
import type { Inline, RichText } from './types.js';

const inlineText = (nodes: Inline[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.text : inlineText(node.children))).join('');

/** The text of a tree without formatting: paragraphs separated by blank lines, list items by "- ", links as text. */
export function plainText(text: RichText): string {
  return text
    .map((block) =>
      block.type === 'paragraph'
        ? inlineText(block.children)
        : block.type === 'list'
          ? block.items.map((item) => `- ${inlineText(item)}`).join('\n')
          : block.alt,
    )
    .filter((part) => part !== '')
    .join('\n\n');
}
