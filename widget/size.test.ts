// Size is a tested property (guide §4): gzip the built files and compare with the budgets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WIDGET_BUDGET } from './budget.js';

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

  it('contains no eval, no new Function and no zod', () => {
    for (const name of ['widget.js', 'widget-chat.js']) {
      const code = read(name).toString('utf8');
      expect(code, name).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
      expect(code, name).not.toMatch(/\bzod\b|ZodError/);
    }
  });
});
