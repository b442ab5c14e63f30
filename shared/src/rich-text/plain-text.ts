// TODO(helper)
import type { RichText } from './types.js';

/** The text of a tree without formatting: paragraphs separated by blank lines, list items by "- ", links as text. */
export function plainText(_text: RichText): string {
  throw new Error('not implemented');
}
