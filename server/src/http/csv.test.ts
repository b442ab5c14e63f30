import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

/** [cell value, what the CSV holds] */
const CASES: [string | number | null, string][] = [
  // Plain text and numbers: quoted, otherwise as they are.
  ['Vera', '"Vera"'],
  ['', '""'],
  [null, ''],
  [42, '"42"'],
  [-12.5, '"-12.5"'],
  ['-12.5', '"-12.5"'],
  ['+3', '"+3"'],
  ['1e5', '"1e5"'],
  ['Trg 1, Ljubljana', '"Trg 1, Ljubljana"'],
  // Separators of every locale and the quote itself stay inside the cell.
  ['Bob;=1+1;', '"Bob;=1+1;"'],
  ['a\tb', '"a\tb"'],
  ['line 1\r\nline "2"', '"line 1\r\nline ""2"""'],
  ['  padded  ', '"  padded  "'],
  ["it's", `"it's"`],
  // Formula starts are defused, ASCII, full-width and small forms, also after leading whitespace.
  ['=1+1', `"'=1+1"`],
  ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
  ["+1+cmd|' /C calc'!A0", `"'+1+cmd|' /C calc'!A0"`],
  ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
  ['-1+1', `"'-1+1"`],
  ['@SUM(1+1)', `"'@SUM(1+1)"`],
  ['\t=1+1', `"'\t=1+1"`],
  ['\rx', `"'\rx"`],
  ['  =1+1', `"'  =1+1"`],
  ['\u3000=1+1', `"'\u3000=1+1"`],
  ['\n=1+1', `"'\n=1+1"`],
  ['\uFF1D1+1', `"'\uFF1D1+1"`], // ＝
  ['\uFF0BSUM(1)', `"'\uFF0BSUM(1)"`], // ＋
  ['\uFF0D1+1', `"'\uFF0D1+1"`], // －
  ['\uFF20SUM(1)', `"'\uFF20SUM(1)"`], // ＠
  ['\uFE66HYPERLINK(1)', `"'\uFE66HYPERLINK(1)"`], // ﹦
  [' +386 40 123 456', `"' +386 40 123 456"`], // not a bare phone number any more
  // Phone numbers are kept importable.
  ['+386 40 123 456', '"+386 40 123 456"'],
  ['+1 (555) 010-0199', '"+1 (555) 010-0199"'],
  ['+44.20.7946.0958', '"+44.20.7946.0958"'],
  ['040 123 456', '"040 123 456"'],
  // ...but not what only looks like one.
  ['+1', '"+1"'], // a plain number
  ['+12', '"+12"'],
  ['+1 2', `"'+1 2"`], // too few digits for a phone
  ['+1234567890123456', '"+1234567890123456"'], // a plain number, though too long for a phone
  ['+1234 5678 9012 3456', `"'+1234 5678 9012 3456"`], // 16 digits: not E.164
  ['+1 (555) A', `"'+1 (555) A"`],
  ['-040 123 456', `"'-040 123 456"`],
];

describe('CSV cells', () => {
  it.each(CASES)('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('joins cells with commas and rows with CRLF, header included', () => {
    expect(
      toCsv(
        ['name', 'phone'],
        [
          ['Vera', '+386 40 123 456'],
          ['=1', null],
        ],
      ),
    ).toBe('"name","phone"\r\n"Vera","+386 40 123 456"\r\n"\'=1",\r\n');
  });
});
