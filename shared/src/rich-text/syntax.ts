// Low-level pieces of the markdown subset, shared by the parser, the serializer and normalization so they agree.

/** Formatting nested deeper than this is not parsed (the schema allows 4). */
export const MAX_NESTING = 6;

// Any ASCII punctuation can be backslash-escaped, as in CommonMark.
const ESCAPABLE = /[!-/:-@[-`{-~]/;

export const isEscapable = (ch: string | undefined): boolean => ch !== undefined && ESCAPABLE.test(ch);
export const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
export const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

export const unescape = (s: string): string => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** A list item line: `- ` or `* ` in the first column. */
export const isListLine = (line: string): boolean => line.startsWith('- ') || line.startsWith('* ');

/** Index of the `]` closing a label that starts at i, or -1 (also when an unescaped `[` comes first). */
export function scanLabel(s: string, i: number): number {
  for (; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && isEscapable(s[i + 1])) i++;
    else if (ch === '[') return -1;
    else if (ch === ']') return i;
  }
  return -1;
}

/** A URL from i up to its `)`: balanced parentheses and escapes allowed, line breaks not. */
export function scanUrl(s: string, i: number): { url: string; end: number } | null {
  let url = '';
  let depth = 0;
  for (; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch === '\\' && isEscapable(s[i + 1])) {
      url += s[++i];
      continue;
    }
    if (ch === '\n') return null;
    if (ch === ')') {
      if (depth === 0) return { url, end: i + 1 };
      depth--;
    }
    if (ch === '(') depth++;
    url += ch;
  }
  return null;
}

/** The image on a line that holds only `![alt](src)` (surrounding whitespace allowed). */
export function matchImageLine(line: string): { alt: string; src: string } | null {
  const t = line.trim();
  if (!t.startsWith('![')) return null;
  const close = scanLabel(t, 2);
  if (close < 0 || t[close + 1] !== '(') return null;
  const url = scanUrl(t, close + 2);
  return url && url.end === t.length ? { alt: unescape(t.slice(2, close)), src: url.url } : null;
}
