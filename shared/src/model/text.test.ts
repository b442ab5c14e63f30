import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedText, scanWellFormed, truncateText, WellFormedString } from './text.js';
import { MessageBodySchema } from './message.js';

/** Strings made of any UTF-16 code units, lone surrogates included. */
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff })).map((units) => String.fromCharCode(...units));
const nativeWellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

describe('well-formed text', () => {
  it('the scan agrees with String.prototype.isWellFormed on any code units', () => {
    fc.assert(
      fc.property(anyUnits, (s) => scanWellFormed(s) === nativeWellFormed(s)),
      { numRuns: 2000 },
    );
    for (const s of ['\uD800', '\uDC00', 'a\uDBFFb', '\uDC00\uD800', '😀\uD83D'])
      expect([s, scanWellFormed(s), isWellFormedText(s)]).toEqual([s, false, false]);
    for (const s of ['', 'plain', '😀', '👍🏽 𝄞 🇸🇮'])
      expect(scanWellFormed(s) && isWellFormedText(s)).toBe(true);
  });

  it('message bodies and WellFormedString refuse a lone surrogate with a readable message', () => {
    for (const schema of [MessageBodySchema, WellFormedString]) {
      const refused = schema.safeParse('hi \uD800');
      expect(refused.success).toBe(false);
      expect(refused.error!.issues[0]!.message).toContain('broken character');
      expect(schema.safeParse('hi 😀').success).toBe(true);
    }
  });

  it('truncates without cutting an astral character in half', () => {
    expect(truncateText('ab😀', 3)).toBe('ab');
    expect(truncateText('ab😀', 4)).toBe('ab😀');
    expect(truncateText('abc😀', 3)).toBe('abc');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 40 }), (s, max) => {
        const cut = truncateText(s, max);
        return isWellFormedText(cut) && s.startsWith(cut) && cut.length >= Math.min(s.length, max) - 1;
      }),
    );
  });
});
