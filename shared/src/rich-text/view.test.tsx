import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { parseMarkdown } from './markdown.js';
import type { RichText } from './types.js';
import { RichTextView } from './view.js';

afterEach(cleanup);

const mount = (text: RichText) =>
  render(<RichTextView text={text} />).container.firstElementChild as HTMLElement;

describe('RichTextView', () => {
  it('renders paragraphs, line breaks, lists, bold, italic and links', () => {
    const root = mount(
      parseMarkdown('Hi **bold** and *it*\nnext [**docs**](https://x.test/d)\n\n- one\n- _two_'),
    );
    expect(root.className).toBe('rt');
    expect(root.innerHTML).toBe(
      '<p>Hi <strong>bold</strong> and <em>it</em><br>next ' +
        '<a href="https://x.test/d" target="_blank" rel="noopener noreferrer nofollow"><strong>docs</strong></a></p>' +
        '<ul><li>one</li><li><em>two</em></li></ul>',
    );
  });

  it('renders a link with an unsafe href as its text, without an anchor', () => {
    const root = mount(parseMarkdown('[click **me**](javascript:alert(1)) or [this](/relative)'));
    expect(root.querySelector('a')).toBeNull();
    expect(root.innerHTML).toBe('<p>click <strong>me</strong> or this</p>');
  });

  it('renders https images only', () => {
    const root = mount([
      { type: 'image', src: 'https://x.test/cat.png', alt: 'A cat' },
      { type: 'image', src: 'http://x.test/dog.png', alt: 'A dog' },
      { type: 'image', src: 'javascript:alert(1)', alt: 'x' },
      { type: 'image', src: 'data:image/png;base64,AAAA', alt: 'y' },
    ]);
    const images = root.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]!.getAttribute('src')).toBe('https://x.test/cat.png');
    expect(images[0]!.getAttribute('alt')).toBe('A cat');
    expect(images[0]!.getAttribute('loading')).toBe('lazy');
  });

  it('never turns text into elements', () => {
    const html = '<script>window.__rt=1</script><img src=x onerror="window.__rt=1"><b>b</b>';
    const root = mount([{ type: 'paragraph', children: [{ type: 'text', text: html }] }]);
    expect(root.querySelector('script, img, b')).toBeNull();
    expect(root.querySelector('p')!.textContent).toBe(html);
    expect((window as { __rt?: number }).__rt).toBeUndefined();
  });
});
