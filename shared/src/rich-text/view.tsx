// TODO(helper)
import type { RichText } from './types.js';

export function RichTextView(_props: { text: RichText }) {
  return null;
}
