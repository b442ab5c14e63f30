import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown.js';
import { plainText } from './plain-text.js';

describe('plainText', () => {
  it('drops formatting, shows links as their text and lists as "- " lines', () => {
    const tree = parseMarkdown(
      'Hi **there**, _see_ [the **docs**](https://x.test/docs).\nBye\n\n- one\n- *two*\n\n![A cat](https://x.test/cat.png)\n\n![](https://x.test/blank.png)\n\nEnd',
    );
    expect(plainText(tree)).toBe('Hi there, see the docs.\nBye\n\n- one\n- two\n\nA cat\n\nEnd');
  });

  it('gives an empty string for an empty tree', () => {
    expect(plainText([])).toBe('');
  });
});
