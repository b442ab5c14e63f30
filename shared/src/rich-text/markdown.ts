// The markdown subset site owners write <-> the RichText tree.
import { parseInline } from './inline.js';
import { normalizeRichText } from './normalize.js';
import { isListLine, isSpace, isWordChar, matchImageLine } from './syntax.js';
import type { Block, Inline, RichText } from './types.js';

/**
 * Parses the markdown subset into a normalized tree (see normalizeRichText). Never throws; unsafe URLs are kept
 * so RichTextSchema can name them.
 *
 * Blocks are separated by blank lines; a line holding only `![alt](src)` is an image; consecutive lines starting
 * with `- ` or `* ` are a list, one item each; other lines form paragraphs, a single line break staying "\n".
 * Inline: `**bold**`, `*italic*` or `_italic_`, `[text](url)`; a backslash makes any punctuation literal.
 */
export function parseMarkdown(source: string): RichText {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let items: Inline[][] = [];
  const endParagraph = () => {
    if (paragraph.length)
      blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n').trim()) });
    paragraph = [];
  };
  const endList = () => {
    if (items.length) blocks.push({ type: 'list', items });
    items = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const image = matchImageLine(line);
    if (isListLine(line)) {
      endParagraph();
      items.push(parseInline(line.slice(2).trim()));
    } else if (image || !line.trim()) {
      endParagraph();
      endList();
      if (image) blocks.push({ type: 'image', ...image });
    } else {
      endList();
      paragraph.push(line);
    }
  }
  endParagraph();
  endList();
  return normalizeRichText(blocks);
}

/** The markdown an editor shows for a tree; parseMarkdown(toMarkdown(t)) equals normalizeRichText(t) for every tree. */
export function toMarkdown(text: RichText): string {
  return normalizeRichText(text)
    .map((block) => {
      if (block.type === 'image') return `![${block.alt.replace(/[\\[\]]/g, '\\$&')}](${url(block.src)})`;
      if (block.type === 'list') return block.items.map((item) => `- ${inlines(item, '')}`).join('\n');
      // A paragraph line that would read as a list item or an image gets its first character escaped.
      return inlines(block.children, '')
        .split('\n')
        .map((line) => (isListLine(line) || matchImageLine(line) ? line.replace(/\S/, '\\$&') : line))
        .join('\n');
    })
    .join('\n\n');
}

/** Parentheses are escaped only when unbalanced, so `(see (x))`-style URLs stay readable. */
function url(href: string): string {
  let depth = 0;
  for (const ch of href) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) break;
  }
  return href.replace(depth ? /[\\()]/g : /\\/g, '\\$&');
}

/** `delim` is the innermost emphasis being written, whose closer text must not contain. */
function inlines(nodes: Inline[], delim: '' | '**' | '*' | '_'): string {
  let out = '';
  nodes.forEach((node, i) => {
    if (node.type === 'text') out += escapeText(node.text, delim === '_');
    else if (node.type === 'link') out += `[${inlines(node.children, '')}](${url(node.href)})`;
    else {
      // Italic is written _…_ where *…* would make an opening *** (italic then bold, or bold then italic),
      // which reads as bold first.
      const underscore = node.children[0]?.type === 'bold' || (i === 0 && delim === '**');
      const d = node.type === 'bold' ? '**' : underscore ? '_' : '*';
      out += d + inlines(node.children, d) + d;
    }
  });
  return out;
}

/** Escapes what could read as syntax, leaving a lone `*` between spaces and `_` inside words readable. */
function escapeText(text: string, inUnderscore: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const before = text[i - 1];
    const after = text[i + 1];
    const literal =
      ch === '*'
        ? isSpace(before) && isSpace(after)
        : ch === '_'
          ? !inUnderscore && isWordChar(before) && isWordChar(after)
          : ch !== '\\' && ch !== '[' && ch !== ']';
    out += literal ? ch : `\\${ch}`;
  }
  return out;
}
