// Links in message bodies (LinkifiedText) and bot texts (RichTextView): the XSS corpus renders inert, and every
// anchor is http, https or mailto, opening apart from the page.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import fc from 'fast-check';
import { UNSAFE_LINK_CORPUS } from './link-corpus.js';
import { parseMarkdown } from './markdown.js';
import { LinkedRichText as RichTextView, LinkedText as LinkifiedText } from './linked-view.js';

afterEach(cleanup);

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function expectSafeAnchors(root: Element): void {
  for (const a of root.querySelectorAll('a')) {
    expect(a.getAttribute('href')).toMatch(SAFE_HREF);
    expect(a.getAttribute('rel')).toContain('noopener');
    expect(a.getAttribute('target')).toBe('_blank');
  }
  expect(root.querySelector('script, img, iframe, [onerror], [onclick]')).toBeNull();
}

describe('LinkifiedText', () => {
  it('links bare URLs and addresses in a message body, keeping the rest as text', () => {
    const { container } = render(
      <p>
        <LinkifiedText
          text={'Docs: https://x.test/docs).\nMail help@x.test or <b>not</b> javascript:alert(1)'}
        />
      </p>,
    );
    const anchors = [...container.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(anchors).toEqual([
      ['https://x.test/docs', 'https://x.test/docs'],
      ['mailto:help@x.test', 'help@x.test'],
    ]);
    // The newline is a line break, the markup stays text.
    expect(container.querySelectorAll('br')).toHaveLength(1);
    expect(container.textContent).toBe(
      'Docs: https://x.test/docs).Mail help@x.test or <b>not</b> javascript:alert(1)',
    );
    expectSafeAnchors(container);
  });

  it.each(UNSAFE_LINK_CORPUS)('renders %s inert', (payload) => {
    const { container } = render(
      <div>
        <LinkifiedText text={`x ${payload} y`} />
        <RichTextView text={parseMarkdown(`x ${payload} y`)} />
      </div>,
    );
    expectSafeAnchors(container);
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('autolinks bare URLs in bot texts too, but never inside a link', () => {
    const { container } = render(
      <RichTextView
        text={parseMarkdown('**see https://x.test/a** or [https://x.test/b](https://x.test/c)')}
      />,
    );
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://x.test/a',
      'https://x.test/c',
    ]);
    expect(container.querySelector('a a')).toBeNull();
  });

  it('property: any body renders as its own text, with only safe anchors', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.webUrl(), fc.emailAddress(), fc.constantFrom(...UNSAFE_LINK_CORPUS)),
          {
            maxLength: 6,
          },
        ),
        (pieces) => {
          const text = pieces.join(' ');
          const { container, unmount } = render(
            <p>
              <LinkifiedText text={text} />
            </p>,
          );
          expect(container.textContent).toBe(text);
          expectSafeAnchors(container);
          unmount();
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);
});
