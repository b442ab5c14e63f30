// Size is a tested property, as for the widget (widget/size.test.ts): the widget loads this module on first use of
// its emoji picker, so the whole of it, bundled, minified and gzipped, must stay within budget.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** gzip bytes: data + logic, leaving the picker UI room within the widget's 10 KB for first use. */
const EMOJI_GZIP_BUDGET = 8192;

interface EsbuildLike {
  build(options: {
    entryPoints: string[];
    bundle: true;
    minify: true;
    format: 'esm';
    write: false;
    logLevel: 'silent';
  }): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}

// esbuild is not a direct dependency; tsx (a root devDependency) is built on it, so resolve it from there.
function esbuild(): EsbuildLike {
  const fromRoot = createRequire(join(import.meta.dirname, '../../../package.json'));
  return createRequire(fromRoot.resolve('tsx/package.json'))('esbuild') as EsbuildLike;
}

describe('emoji module size', () => {
  it(`stays within ${EMOJI_GZIP_BUDGET} bytes gzip, bundled and minified`, async () => {
    const result = await esbuild().build({
      entryPoints: [join(import.meta.dirname, 'index.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    const size = gzipSync(code, { level: 9 }).length;
    expect(
      size,
      `@livechat/shared/emoji is ${size} bytes gzip, budget ${EMOJI_GZIP_BUDGET}`,
    ).toBeLessThanOrEqual(EMOJI_GZIP_BUDGET);
    expect(Buffer.from(code).toString('utf8')).not.toMatch(/\bzod\b/);
  });
});
