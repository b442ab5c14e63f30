// CSV for spreadsheets (RFC 4180). Every cell is quoted: the separator a spreadsheet splits on depends on the reader's
// locale (`;` in Turkish or Slovenian Excel, any character in LibreOffice's import dialog), and a quoted cell is one
// cell whatever it is. Spreadsheets still read a quoted "12" as a number, so nothing is lost.
//
// Quoting does not stop a formula: a cell a spreadsheet would run gets a leading `'`. That is a cell starting with TAB
// or CR, or whose first non-blank character is `=`, `+`, `-`, `@` or a form of them that compatibility normalisation
// (NFKC) turns into one: full-width `＝＋－＠`, small `﹦﹢﹣`. A phone number or a plain number starting with `+` or `-`
// is kept as it is, so CRM imports read it: with only digits, spaces and `().-` it cannot call a function.

const FORMULA_SIGNS = new Set(['=', '+', '-', '@']);
const startsFormula = (text: string): boolean =>
  /^[\t\r]/.test(text) || FORMULA_SIGNS.has(text.trimStart().charAt(0).normalize('NFKC'));
/** `-12.5`, `+3`, `1e5`: a plain number. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** `+386 40 123 456`, `+1 (555) 010-0199`: digits, spaces, parentheses, dots and dashes after an optional `+`. */
const PHONE = /^\+?\(?\d[\d ().-]*$/;
const MAX_PHONE_DIGITS = 15; // E.164

const isPhone = (text: string): boolean => {
  if (!PHONE.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= 3 && digits <= MAX_PHONE_DIGITS;
};

/** The text of a cell as a spreadsheet should show it: never a formula, numbers and phone numbers untouched. */
export function defuse(text: string): string {
  if (!startsFormula(text) || PLAIN_NUMBER.test(text) || isPhone(text)) return text;
  return `'${text}`;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  return `"${defuse(String(value)).replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
