// TODO(helper): the markdown subset <-> RichText tree.
import type { RichText } from './types.js';

/** Parses the markdown subset into a tree. Never throws; unsafe URLs are kept so RichTextSchema can name them. */
export function parseMarkdown(_source: string): RichText {
  throw new Error('not implemented');
}

/** The markdown an editor shows for a tree; parseMarkdown(toMarkdown(t)) equals t for every normalized tree. */
export function toMarkdown(_text: RichText): string {
  throw new Error('not implemented');
}
