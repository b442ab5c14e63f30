import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { autolink } from './autolink.js';
import { isSafeLinkHref, type Inline } from './types.js';
import { UNSAFE_LINK_CORPUS } from './link-corpus.js';

const links = (text: string) => autolink(text).flatMap((n) => (n.type === 'link' ? [n.href] : []));
/** The text a reader sees: every node's text, links by their label. */
const shown = (nodes: Inline[]): string =>
  nodes.map((n) => (n.type === 'text' ? n.text : shown(n.children))).join('');

describe('autolink', () => {
  it('links bare http, https and mailto URLs and e-mail addresses', () => {
    expect(autolink('See https://x.test/a?b=1#c and mail me@x.test.')).toEqual([
      { type: 'text', text: 'See ' },
      {
        type: 'link',
        href: 'https://x.test/a?b=1#c',
        children: [{ type: 'text', text: 'https://x.test/a?b=1#c' }],
      },
      { type: 'text', text: ' and mail ' },
      { type: 'link', href: 'mailto:me@x.test', children: [{ type: 'text', text: 'me@x.test' }] },
      { type: 'text', text: '.' },
    ]);
    expect(links('HTTP://X.TEST mailto:a@b.test')).toEqual(['HTTP://X.TEST', 'mailto:a@b.test']);
  });

  it('leaves trailing punctuation out, but keeps a closing parenthesis the URL opened', () => {
    expect(links('(see https://x.test/a).')).toEqual(['https://x.test/a']);
    expect(links('https://x.test/a, https://x.test/b; "https://x.test/c"!')).toEqual([
      'https://x.test/a',
      'https://x.test/b',
      'https://x.test/c',
    ]);
    expect(links('https://en.wikipedia.org/wiki/Foo_(bar).')).toEqual([
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
    expect(links('<https://x.test/a>')).toEqual(['https://x.test/a']);
    expect(shown(autolink('(see https://x.test/a).'))).toBe('(see https://x.test/a).');
  });

  it('leaves text without links as it is', () => {
    expect(autolink('no links here: a@b, x.test, http:/x')).toEqual([
      { type: 'text', text: 'no links here: a@b, x.test, http:/x' },
    ]);
    expect(autolink('')).toEqual([]);
    expect(links('mailto:. https://). http://,')).toEqual([]);
  });

  it.each(UNSAFE_LINK_CORPUS)('never links %s to anything but http, https or mailto', (payload) => {
    for (const href of links(payload)) {
      expect(isSafeLinkHref(href), href).toBe(true);
      expect(href).toMatch(/^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+)$/i);
    }
    expect(links(payload).some((h) => /^(javascript|data|vbscript|file|blob):/i.test(h))).toBe(false);
  });

  it('property: shows every character of any text, and links only safe hrefs', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'https://',
        'http://',
        'mailto:',
        'javascript:',
        'data:',
        '@',
        '.',
        ')',
        '(',
        ' ',
        '\n',
        'x.test',
      ),
      fc.webUrl(),
      fc.emailAddress(),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const nodes = autolink(text);
        expect(shown(nodes)).toBe(text);
        for (const node of nodes) {
          if (node.type !== 'link') continue;
          expect(isSafeLinkHref(node.href)).toBe(true);
          expect(node.href).toMatch(/^(https?:|mailto:)/i);
          expect(/[\s<>"]/.test(node.href)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: a URL followed by sentence punctuation links the URL alone', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true }),
        fc.constantFrom('.', ',', ').', '!', '?', ';'),
        (url, end) => {
          fc.pre(!/[.,;:!?'"*_)\]}>]$/.test(url) && !url.includes('('));
          expect(links(`Look: ${url}${end}`)).toEqual([url]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays linear on long hostile input', () => {
    const text = `${'a'.repeat(4000)}@${'b.'.repeat(2000)} ${'http://'.repeat(500)} ${'a-'.repeat(2000)}`;
    const start = performance.now();
    autolink(text);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
