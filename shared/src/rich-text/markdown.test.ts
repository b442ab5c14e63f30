import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RichTextSchema } from '../model/rich-text.js';
import { parseMarkdown, toMarkdown } from './markdown.js';
import { normalizeRichText } from './normalize.js';
import type { Block, Inline, RichText } from './types.js';

const text = (t: string): Inline => ({ type: 'text', text: t });
const bold = (...children: Inline[]): Inline => ({ type: 'bold', children });
const italic = (...children: Inline[]): Inline => ({ type: 'italic', children });
const link = (href: string, ...children: Inline[]): Inline => ({ type: 'link', href, children });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });

describe('parseMarkdown', () => {
  it('splits paragraphs at blank lines and keeps single line breaks', () => {
    expect(parseMarkdown('  Hello\nthere  \n\n \n\nBye\r\nnow\n')).toEqual([
      p(text('Hello\nthere')),
      p(text('Bye\nnow')),
    ]);
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown(' \n\t\n')).toEqual([]);
  });

  it('reads bold, italic and links', () => {
    expect(parseMarkdown('**a** *b* _c_ [d](https://x.test/a?b=1)')).toEqual([
      p(
        bold(text('a')),
        text(' '),
        italic(text('b')),
        text(' '),
        italic(text('c')),
        text(' '),
        link('https://x.test/a?b=1', text('d')),
      ),
    ]);
    expect(parseMarkdown('[mail us](mailto:hi@x.test)')).toEqual([
      p(link('mailto:hi@x.test', text('mail us'))),
    ]);
  });

  it('nests formatting', () => {
    expect(parseMarkdown('[**bold** link](https://x.test)')).toEqual([
      p(link('https://x.test', bold(text('bold')), text(' link'))),
    ]);
    expect(parseMarkdown('**a *b* c**')).toEqual([p(bold(text('a '), italic(text('b')), text(' c')))]);
    expect(parseMarkdown('*a **b** c*')).toEqual([p(italic(text('a '), bold(text('b')), text(' c')))]);
    expect(parseMarkdown('***both***')).toEqual([p(bold(italic(text('both'))))]);
    expect(parseMarkdown('_**both**_')).toEqual([p(italic(bold(text('both'))))]);
    expect(parseMarkdown('**a [b *c*](https://x.test) d**')).toEqual([
      p(bold(text('a '), link('https://x.test', text('b '), italic(text('c'))), text(' d'))),
    ]);
  });

  it('lets formatting span lines within a paragraph', () => {
    expect(parseMarkdown('**one\ntwo**')).toEqual([p(bold(text('one\ntwo')))]);
  });

  it('reads list lines, one item each, ending paragraphs and ended by them', () => {
    expect(parseMarkdown('Intro\n- one\n* **two**\n-  three \nAfter')).toEqual([
      p(text('Intro')),
      { type: 'list', items: [[text('one')], [bold(text('two'))], [text('three')]] },
      p(text('After')),
    ]);
    expect(parseMarkdown('- a\n\n- b')).toEqual([
      { type: 'list', items: [[text('a')]] },
      { type: 'list', items: [[text('b')]] },
    ]);
    expect(parseMarkdown('-not a list\n -nor this')).toEqual([p(text('-not a list\n -nor this'))]);
  });

  it('reads a line holding only an image as an image block', () => {
    expect(parseMarkdown('Look:\n  ![a \\] cat](https://x.test/cat.png)  \nNice')).toEqual([
      p(text('Look:')),
      { type: 'image', src: 'https://x.test/cat.png', alt: 'a ] cat' },
      p(text('Nice')),
    ]);
    expect(parseMarkdown('![](https://x.test/a.png)')).toEqual([
      { type: 'image', src: 'https://x.test/a.png', alt: '' },
    ]);
    // Not alone on its line: a "!" and a link.
    expect(parseMarkdown('see ![a](https://x.test/a.png)')).toEqual([
      p(text('see !'), link('https://x.test/a.png', text('a'))),
    ]);
  });

  it('makes escaped characters literal', () => {
    expect(parseMarkdown('\\*not\\* \\_not\\_ \\[x\\]\\(y\\) \\! \\\\ a\\b')).toEqual([
      p(text('*not* _not_ [x](y) ! \\ a\\b')),
    ]);
    expect(parseMarkdown('\\- not a list\n\\* nor this\n\\![no](https://x.test/image.png)')).toEqual([
      p(text('- not a list\n* nor this\n!'), link('https://x.test/image.png', text('no'))),
    ]);
    expect(parseMarkdown('**a\\*\\*b**')).toEqual([p(bold(text('a**b')))]);
  });

  it('leaves unmatched markers as text', () => {
    for (const source of [
      '**open',
      'close**',
      '*a',
      '_a',
      '[text',
      '[text]',
      '[text](https://x.test',
      '**',
      '** **',
      '[](https://x.test)',
    ])
      expect(parseMarkdown(source), source).toEqual([p(text(source))]);
    expect(parseMarkdown('2 * 3 * 4 and a_b_c')).toEqual([p(text('2 * 3 * 4 and a_b_c'))]);
    expect(parseMarkdown('**a*')).toEqual([p(text('*'), italic(text('a')))]);
  });

  it('keeps unsafe URLs so the schema can name the field', () => {
    const parsed = parseMarkdown('[x](javascript:alert(1))');
    expect(parsed).toEqual([p(link('javascript:alert(1)', text('x')))]);
    const result = RichTextSchema.safeParse(parsed);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.at(-1))).toEqual(['href']);

    const image = parseMarkdown('![x](data:image/png;base64,AAAA)');
    expect(image).toEqual([{ type: 'image', src: 'data:image/png;base64,AAAA', alt: 'x' }]);
    expect(RichTextSchema.safeParse(image).error?.issues.map((issue) => issue.path.at(-1))).toEqual(['src']);
    expect(parseMarkdown('[x](/relative)')).toEqual([p(link('/relative', text('x')))]);
  });

  it('treats HTML as text', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([p(text('<script>alert(1)</script>'))]);
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([p(text('<img src=x onerror=alert(1)>'))]);
  });

  it('stays fast on unmatched markers', () => {
    const started = performance.now();
    for (const unit of ['**a ', '*_**a ', '[**_*', '[a](', '_*a*_ **'])
      parseMarkdown(unit.repeat(20_000 / unit.length));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('toMarkdown', () => {
  it('writes each element', () => {
    const tree: RichText = [
      p(
        text('Hi '),
        bold(text('there')),
        text(',\n'),
        italic(text('see')),
        text(' '),
        link('https://x.test/(a)', text('docs')),
      ),
      { type: 'list', items: [[text('one')], [italic(bold(text('two')))]] },
      { type: 'image', src: 'https://x.test/a.png', alt: 'a [b]' },
    ];
    expect(toMarkdown(tree)).toBe(
      'Hi **there**,\n*see* [docs](https://x.test/(a))\n\n- one\n- _**two**_\n\n![a \\[b\\]](https://x.test/a.png)',
    );
  });

  it('escapes what would read as syntax, and only that', () => {
    expect(toMarkdown([p(text('2 * 3 = 6, snake_case, [x](y) \\ **'))])).toBe(
      '2 * 3 = 6, snake_case, \\[x\\](y) \\\\ \\*\\*',
    );
    expect(toMarkdown([p(text('- a\n* b\n![c](https://x.test/c.png)'))])).toBe(
      '\\- a\n\\* b\n!\\[c\\](https://x.test/c.png)',
    );
    expect(toMarkdown([p(text('!'), link('https://x.test/c.png', text('c')))])).toBe(
      '\\![c](https://x.test/c.png)',
    );
    expect(toMarkdown([p(link('https://x.test/a)b', text('x')))])).toBe('[x](https://x.test/a\\)b)');
  });

  it('normalizes first', () => {
    expect(toMarkdown([p(bold(text(' a ')), text('\r\n'))])).toBe('**a**');
  });
});

// Text biased towards markdown syntax, line starts and whitespace, with arbitrary strings mixed in.
const piece = fc.constantFrom(
  ...[
    'a',
    'b',
    'Zz',
    '1',
    'é',
    ' ',
    '  ',
    '\t',
    '\u00a0',
    '\n',
    '\n\n',
    '\r\n',
    '\n \n',
    '\n- ',
    '\n* ',
    '- ',
    '* ',
  ],
  ...[
    '*',
    '**',
    '***',
    '_',
    '__',
    '[',
    ']',
    '(',
    ')',
    '![',
    '](',
    '!',
    '\\',
    '\\*',
    '-',
    '<script>',
    '`',
    '#',
  ],
);
const textArb = fc.oneof(
  { weight: 5, arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', minLength: 1 }) },
);
const urlArb = fc.oneof(
  fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://x.test/a_(b)',
    'https://x.test/a)b(c',
    'https://x.test/?q=*a*&r=[b]\\c',
    'mailto:a@x.test',
  ),
);

const inlineArb = (depth: number): fc.Arbitrary<Inline> => {
  const textNode = textArb.map(text);
  if (depth === 0) return textNode;
  const children = fc.array(inlineArb(depth - 1), { minLength: 1, maxLength: 4 });
  return fc.oneof(
    { weight: 3, arbitrary: textNode },
    { weight: 1, arbitrary: children.map((c) => bold(...c)) },
    { weight: 1, arbitrary: children.map((c) => italic(...c)) },
    { weight: 1, arbitrary: fc.tuple(urlArb, children).map(([href, c]) => link(href, ...c)) },
  );
};
const inlinesArb = fc.array(inlineArb(3), { minLength: 1, maxLength: 5 });
const blockArb: fc.Arbitrary<Block> = fc.oneof(
  { weight: 3, arbitrary: inlinesArb.map((children) => p(...children)) },
  {
    weight: 1,
    arbitrary: fc
      .array(inlinesArb, { minLength: 1, maxLength: 4 })
      .map((items) => ({ type: 'list' as const, items })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('image' as const),
      src: urlArb.filter((u) => u.startsWith('https:')),
      alt: fc.oneof(fc.constant(''), textArb),
    }),
  },
);
const normalizedTreeArb = fc.array(blockArb, { minLength: 1, maxLength: 5 }).map(normalizeRichText);

describe('round trip', () => {
  it('parseMarkdown(toMarkdown(t)) equals t for normalized trees', () => {
    fc.assert(
      fc.property(normalizedTreeArb, (tree) => {
        expect(parseMarkdown(toMarkdown(tree))).toEqual(tree);
      }),
      { numRuns: 1000 },
    );
  });

  it('normalizing is idempotent', () => {
    fc.assert(
      fc.property(normalizedTreeArb, (tree) => {
        expect(normalizeRichText(tree)).toEqual(tree);
      }),
    );
  });

  it('parseMarkdown never throws, returns normalized trees, and survives a round trip', () => {
    const source = fc.oneof(
      fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(source, (markdown) => {
        const tree = parseMarkdown(markdown);
        expect(normalizeRichText(tree)).toEqual(tree);
        expect(parseMarkdown(toMarkdown(tree))).toEqual(tree);
      }),
      { numRuns: 1000 },
    );
  });
});
