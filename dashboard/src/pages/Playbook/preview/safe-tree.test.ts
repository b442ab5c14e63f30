import { describe, expect, it } from 'vitest';
import { safeTree } from './safe-tree.js';

describe('safeTree', () => {
  it('keeps the text of unsafe links and drops unsafe images, leaving safe ones', () => {
    const tree = safeTree([
      {
        type: 'paragraph',
        children: [
          {
            type: 'link',
            href: 'javascript:alert(1)',
            children: [{ type: 'bold', children: [{ type: 'text', text: 'x' }] }],
          },
          { type: 'link', href: 'https://ok.example', children: [{ type: 'text', text: 'ok' }] },
        ],
      },
      {
        type: 'list',
        items: [[{ type: 'link', href: 'data:text/html,hi', children: [{ type: 'text', text: 'd' }] }]],
      },
      { type: 'image', src: 'http://insecure.example/a.png', alt: 'a' },
      { type: 'image', src: 'https://secure.example/a.png', alt: 'b' },
    ]);
    expect(tree).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'bold', children: [{ type: 'text', text: 'x' }] },
          { type: 'link', href: 'https://ok.example', children: [{ type: 'text', text: 'ok' }] },
        ],
      },
      { type: 'list', items: [[{ type: 'text', text: 'd' }]] },
      { type: 'image', src: 'https://secure.example/a.png', alt: 'b' },
    ]);
  });
});
