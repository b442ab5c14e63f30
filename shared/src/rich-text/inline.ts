// Inline markdown -> Inline[]: **bold**, *italic* or _italic_, [text](url) and backslash escapes.
//
// A run of inline content inside an emphasis is read step by step (an escape, a nested construct, or one
// character) until its closing delimiter. Where a run starting at p closes depends only on p, the delimiter and
// the nesting depth, so it is memoized per position; a first pass finds where every construct ends, a second
// builds the nodes. That keeps unmatched markers linear (a naive backtracking parser is quadratic or worse),
// and depth is capped, so nothing recurses deeper than MAX_NESTING.
import { MAX_NESTING, isEscapable, isSpace, isWordChar, scanLabel, unescape } from './syntax.js';
import type { Inline } from './types.js';

type Delim = '**' | '*' | '_';
const DELIMS: Delim[] = ['**', '*', '_'];
const UNKNOWN = -2; // in the memo tables; -1 means "no match"

/**
 * Emphasis opens only before a non-space and closes only after one (`2 * 3 * 4` stays text); `_` does not open
 * between two letters or digits (`snake_case_name` stays text). Inside *italic*, `**` opens bold if it can rather
 * than closing the italic, unless a third `*` follows. Links do not nest. The result is not normalized.
 */
export function parseInline(s: string, depth = 0, inLink = false): Inline[] {
  const n = s.length;
  const tables: Int32Array[] = [];
  const table = (kind: number, depth: number): Int32Array =>
    (tables[kind * (MAX_NESTING + 1) + depth] ??= new Int32Array(n + 1).fill(UNKNOWN));
  const parens = matchParens(s);
  const escapeAt = (i: number) => s[i] === '\\' && isEscapable(s[i + 1]);
  // Flanking looks past a whole run of stars, as in CommonMark: neither star of `** **` opens or closes.
  const starsEnd = (i: number, dir: 1 | -1) => {
    while (s[i] === '*') i += dir;
    return i;
  };

  /** End of the emphasis `delim` opening at i, or -1. */
  function emphasis(i: number, delim: Delim, depth: number): number {
    const start = i + delim.length;
    const next = s[delim === '_' ? start : starsEnd(start, 1)];
    if (depth >= MAX_NESTING || !s.startsWith(delim, i) || next === undefined || isSpace(next)) return -1;
    if (delim === '_' && isWordChar(s[i - 1]) && isWordChar(next)) return -1;
    const memo = table(DELIMS.indexOf(delim), depth);
    // The first step cannot close: emphasis is never empty.
    if (memo[i] === UNKNOWN) memo[i] = closeAfter(stepOver(start, depth + 1), delim, depth + 1);
    return memo[i]!;
  }

  /** End of the link opening at i, or -1. The url ends at the `)` matching the `(` after the label. */
  function link(i: number, depth: number): number {
    if (inLink || depth >= MAX_NESTING || s[i] !== '[') return -1;
    const memo = table(DELIMS.length, 0);
    if (memo[i] === UNKNOWN) {
      const close = scanLabel(s, i + 1);
      const paren = close > i + 1 && s[close + 1] === '(' ? parens[close + 1]! : -1;
      memo[i] = paren >= 0 ? paren + 1 : -1;
    }
    return memo[i]!;
  }

  /** End of the first construct that opens at i, or -1. */
  function construct(i: number, depth: number): number {
    for (const delim of DELIMS) {
      const end = emphasis(i, delim, depth);
      if (end >= 0) return end;
    }
    return link(i, depth);
  }

  /** Where the step after the one at i starts, ignoring closers. */
  function stepOver(i: number, depth: number): number {
    if (escapeAt(i)) return i + 2;
    const end = construct(i, depth);
    return end >= 0 ? end : i + 1;
  }

  /** The end of the closer `close` first reached stepping from p, or -1. Iterative, so long runs are fine. */
  function closeAfter(p: number, close: Delim, depth: number): number {
    const memo = table(DELIMS.length + 1 + DELIMS.indexOf(close), depth);
    const path: number[] = [];
    let end = -1;
    for (; p < n; p = stepOver(p, depth)) {
      if (memo[p] !== UNKNOWN) {
        end = memo[p]!;
        break;
      }
      path.push(p);
      // In *italic*, `**b` opens bold rather than closing (*a**b** c*), but `***` closes: *a*** is the end of **x *a***.
      if (escapeAt(p) || (close === '*' && s[p + 2] !== '*' && emphasis(p, '**', depth) >= 0)) continue;
      const before = s[close === '_' ? p - 1 : starsEnd(p - 1, -1)];
      if (s.startsWith(close, p) && before !== undefined && !isSpace(before)) {
        end = p + close.length;
        break;
      }
    }
    for (const q of path) memo[q] = end;
    return end;
  }

  /** The nodes from i to stop, whose constructs the first pass has matched. */
  function build(i: number, stop: number, depth: number): Inline[] {
    const nodes: Inline[] = [];
    let text = '';
    while (i < stop) {
      if (escapeAt(i)) {
        text += s.charAt(i + 1);
        i += 2;
        continue;
      }
      const end = construct(i, depth);
      if (end < 0) {
        text += s.charAt(i++);
        continue;
      }
      if (text) nodes.push({ type: 'text', text });
      text = '';
      const delim = DELIMS.find((d) => emphasis(i, d, depth) >= 0);
      if (delim) {
        const children = build(i + delim.length, end - delim.length, depth + 1);
        nodes.push({ type: delim === '**' ? 'bold' : 'italic', children });
      } else {
        const close = scanLabel(s, i + 1);
        const href = unescape(s.slice(close + 2, end - 1));
        nodes.push({ type: 'link', href, children: parseInline(s.slice(i + 1, close), depth + 1, true) });
      }
      i = end;
    }
    if (text) nodes.push({ type: 'text', text });
    return nodes;
  }

  return build(0, n, depth);
}

/** For each unescaped `(`, the index of its matching `)` on the same line. */
function matchParens(s: string): Int32Array {
  const match = new Int32Array(s.length).fill(-1);
  let open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && isEscapable(s[i + 1])) i++;
    else if (ch === '(') open.push(i);
    else if (ch === ')') {
      const o = open.pop();
      if (o !== undefined) match[o] = i;
    } else if (ch === '\n') open = [];
  }
  return match;
}
