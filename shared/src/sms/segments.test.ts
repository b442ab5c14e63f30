import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMS_MAX_LENGTH, smsSegments, smsTooLong } from './segments.js';

// The GSM 03.38 tables as Unicode code points (3GPP TS 23.038; unicode.org ETSI/GSM0338.TXT), written independently
// of the implementation's character strings.
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const GSM_BASIC_CODE_POINTS = [
  0x40,
  0xa3,
  0x24,
  0xa5,
  0xe8,
  0xe9,
  0xf9,
  0xec,
  0xf2,
  0xc7,
  0x0a,
  0xd8,
  0xf8,
  0x0d,
  0xc5,
  0xe5,
  0x394,
  0x5f,
  0x3a6,
  0x393,
  0x39b,
  0x3a9,
  0x3a0,
  0x3a8,
  0x3a3,
  0x398,
  0x39e,
  0xc6,
  0xe6,
  0xdf,
  0xc9,
  0x20,
  0x21,
  0x22,
  0x23,
  0xa4,
  ...range(0x25, 0x3f),
  0xa1,
  ...range(0x41, 0x5a),
  0xc4,
  0xd6,
  0xd1,
  0xdc,
  0xa7,
  0xbf,
  ...range(0x61, 0x7a),
  0xe4,
  0xf6,
  0xf1,
  0xfc,
  0xe0,
];
const GSM_EXTENSION_CODE_POINTS = [0x0c, 0x5e, 0x7b, 0x7d, 0x5c, 0x5b, 0x7e, 0x5d, 0x7c, 0x20ac];
const gsmBasic = GSM_BASIC_CODE_POINTS.map((cp) => String.fromCodePoint(cp));
const gsmExtension = GSM_EXTENSION_CODE_POINTS.map((cp) => String.fromCodePoint(cp));

describe('smsSegments', () => {
  it('knows the whole GSM alphabet: 127 basic characters at one septet, 10 extension characters at two', () => {
    expect(new Set(gsmBasic).size).toBe(127);
    expect(smsSegments(gsmBasic.join(''))).toMatchObject({ encoding: 'GSM-7', units: 127 });
    for (const c of gsmExtension)
      expect([c, smsSegments(c)]).toMatchObject([c, { encoding: 'GSM-7', units: 2 }]);
  });

  it.each([
    ['ç (the table has only the capital)', 'ç'],
    ['a backtick', '`'],
    ['a curly apostrophe', '’'],
    ['the ohm sign (not Greek Ω)', '\u2126'],
    ['a no-break space', '\u00a0'],
    ['a tab', '\t'],
    ['Cyrillic', 'ж'],
    ['an emoji', '😀'],
  ])('falls back to UCS-2 for %s', (_, c) => {
    expect(smsSegments(`Hello ${c}`).encoding).toBe('UCS-2');
  });

  it('counts GSM-7 at 160 alone and 153 per part', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
      perSegment: 160,
      remainingInSegment: 0,
    });
    expect(smsSegments('a'.repeat(161))).toEqual({
      encoding: 'GSM-7',
      units: 161,
      segments: 2,
      perSegment: 153,
      remainingInSegment: 145,
    });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3, remainingInSegment: 152 });
  });

  it('counts UCS-2 at 70 alone and 67 per part', () => {
    expect(smsSegments('ж'.repeat(70))).toEqual({
      encoding: 'UCS-2',
      units: 70,
      segments: 1,
      perSegment: 70,
      remainingInSegment: 0,
    });
    expect(smsSegments('ж'.repeat(71))).toEqual({
      encoding: 'UCS-2',
      units: 71,
      segments: 2,
      perSegment: 67,
      remainingInSegment: 63,
    });
  });

  it('lets one emoji turn a whole GSM text into UCS-2, counting the emoji as two units', () => {
    const text = 'a'.repeat(69) + '😀';
    expect(smsSegments(text)).toMatchObject({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(smsSegments('a'.repeat(69))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('counts extension characters twice', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('[x]')).toMatchObject({ units: 5, remainingInSegment: 155 });
    // 81 euro signs: 76 fill a part (152 septets, the 153rd cannot hold an escape pair), 5 go to the next.
    expect(smsSegments('€'.repeat(81))).toMatchObject({ units: 162, segments: 2, remainingInSegment: 143 });
  });

  // 306 septets (or 134 UCS-2 units) would fit two parts exactly, but the two-unit character after 152 (66) single
  // ones would straddle the boundary: it moves whole to the next part.
  it.each([
    { pair: 'an escape pair', encoding: 'GSM-7', one: 'a', two: '€', before: 152, units: 306 },
    { pair: 'a surrogate pair', encoding: 'UCS-2', one: 'ж', two: '😀', before: 66, units: 134 },
  ] as const)('never splits $pair across segments', ({ encoding, one, two, before, units }) => {
    expect(smsSegments(one.repeat(before) + two + one.repeat(before))).toMatchObject({
      encoding,
      units,
      segments: 3,
      remainingInSegment: before,
    });
    expect(smsSegments(one.repeat(before - 1) + two + one.repeat(before + 1))).toMatchObject({
      units,
      segments: 2,
    });
  });

  it('costs nothing for empty text', () => {
    expect(smsSegments('')).toEqual({
      encoding: 'GSM-7',
      units: 0,
      segments: 0,
      perSegment: 160,
      remainingInSegment: 160,
    });
  });
});

describe('segment properties', () => {
  const gsmText = fc.string({ unit: fc.constantFrom(...gsmBasic, ...gsmExtension), maxLength: 500 });
  const anyCharacter = fc.oneof(
    fc.constantFrom(...gsmBasic),
    fc.constantFrom(...gsmExtension),
    fc.constantFrom('ж', '😀', '’', '\u00a0'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  );
  const smsText = fc.array(anyCharacter, { maxLength: 400 }).map((parts) => parts.join(''));

  it('never uses UCS-2 for GSM-only text', () => {
    fc.assert(fc.property(gsmText, (text) => smsSegments(text).encoding === 'GSM-7'));
  });

  it('never needs fewer segments after appending', () => {
    fc.assert(
      fc.property(smsText, anyCharacter, (text, more) => {
        return smsSegments(text + more).segments >= smsSegments(text).segments;
      }),
      { numRuns: 500 },
    );
  });

  it('needs at least units/perSegment segments, and wastes at most one unit per part', () => {
    fc.assert(
      fc.property(smsText, (text) => {
        const { units, segments, perSegment, remainingInSegment } = smsSegments(text);
        const wasted = segments === 0 ? 0 : segments * perSegment - units - remainingInSegment;
        return (
          segments >= Math.ceil(units / perSegment) &&
          remainingInSegment >= 0 &&
          remainingInSegment <= perSegment &&
          wasted >= 0 &&
          wasted <= Math.max(0, segments - 1)
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('smsTooLong', () => {
  it('allows 1,600 characters, emoji counting two', () => {
    expect(SMS_MAX_LENGTH).toBe(1600);
    expect(smsTooLong('a'.repeat(1600))).toBe(false);
    expect(smsTooLong('a'.repeat(1601))).toBe(true);
    expect(smsTooLong('😀'.repeat(800))).toBe(false);
    expect(smsTooLong('😀'.repeat(800) + 'a')).toBe(true);
  });
});
