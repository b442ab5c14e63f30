// Size is a tested property (guide §4): gzip the built files and compare with the budgets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LAZY_CHUNKS, WIDGET_BUDGET } from './budget.js';

// import.meta.dirname, not new URL(…, import.meta.url): happy-dom replaces the global URL in this project.
const dist = (name: string): string => join(import.meta.dirname, 'dist', name);

function read(name: string): Buffer {
  const path = dist(name);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run the build first (pnpm --filter @livechat/widget build)`);
  }
  return readFileSync(path);
}

const gzipBytes = (file: Buffer): number => gzipSync(file, { level: 9 }).length;

/** Every module specifier a built file imports, statically (`from"…"`) or dynamically (`import("…")`). */
const imports = (code: string, kind: 'static' | 'dynamic'): string[] =>
  [
    ...code.matchAll(
      kind === 'static' ? /\bfrom\s*["'`]([^"'`]+)["'`]/g : /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g,
    ),
  ].map((m) => m[1]!);

/** A chunk and the chunks it imports statically, transitively, without widget-chat.js (already loaded). */
function firstUse(name: string, seen = new Set<string>()): Set<string> {
  if (name === 'widget-chat.js' || seen.has(name)) return seen;
  seen.add(name);
  for (const spec of imports(read(name).toString('utf8'), 'static'))
    firstUse(spec.replace(/^\.\//, ''), seen);
  return seen;
}

const builtFiles = (): string[] =>
  readdirSync(join(import.meta.dirname, 'dist')).filter((f) => f.endsWith('.js'));

describe('widget bundle', () => {
  it(`widget.js stays within ${WIDGET_BUDGET.loaderGzipBytes} bytes gzip`, () => {
    const size = gzipBytes(read('widget.js'));
    expect(
      size,
      `widget.js is ${size} bytes gzip, budget ${WIDGET_BUDGET.loaderGzipBytes}`,
    ).toBeLessThanOrEqual(WIDGET_BUDGET.loaderGzipBytes);
  });

  it(`widget.js + widget-chat.js stay within ${WIDGET_BUDGET.totalGzipBytes} bytes gzip`, () => {
    const loader = gzipBytes(read('widget.js'));
    const chat = gzipBytes(read('widget-chat.js'));
    expect(
      loader + chat,
      `widget.js ${loader} + widget-chat.js ${chat} = ${loader + chat} bytes gzip, budget ${WIDGET_BUDGET.totalGzipBytes}`,
    ).toBeLessThanOrEqual(WIDGET_BUDGET.totalGzipBytes);
  });

  it('widget-chat.js imports each lazy chunk on first use, by a URL relative to its own', () => {
    const chat = read('widget-chat.js').toString('utf8');
    expect(imports(chat, 'static'), 'widget-chat.js loads nothing else up front').toEqual([]);
    expect([...new Set(imports(chat, 'dynamic'))].sort()).toEqual(
      LAZY_CHUNKS.map((name) => `./widget-${name}.js`).sort(),
    );
  });

  it.each(LAZY_CHUNKS)(
    `widget-%s.js, with the chunks it imports, stays within ${WIDGET_BUDGET.lazyGzipBytes} bytes gzip`,
    (name) => {
      const files = [...firstUse(`widget-${name}.js`)];
      const sizes = files.map((file) => `${file} ${gzipBytes(read(file))}`);
      const total = files.reduce((sum, file) => sum + gzipBytes(read(file)), 0);
      expect(
        total,
        `first use of ${name}: ${sizes.join(' + ')} = ${total} bytes gzip, budget ${WIDGET_BUDGET.lazyGzipBytes}`,
      ).toBeLessThanOrEqual(WIDGET_BUDGET.lazyGzipBytes);
    },
  );

  it('lazy chunks import only files beside them (browsers resolve no bare module names)', () => {
    for (const name of builtFiles().filter((f) => f !== 'widget.js')) {
      const code = read(name).toString('utf8');
      for (const spec of [...imports(code, 'static'), ...imports(code, 'dynamic')])
        expect(spec, name).toMatch(/^\.\/widget-[\w-]+\.js$/);
    }
  });

  it('contains no eval, no new Function and no zod, in any file', () => {
    const names = builtFiles();
    expect(names).toEqual(expect.arrayContaining(['widget.js', 'widget-chat.js']));
    for (const name of names) {
      const code = read(name).toString('utf8');
      expect(code, name).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
      expect(code, name).not.toMatch(/\bzod\b|ZodError/);
    }
  });
});
