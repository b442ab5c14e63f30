// PostgreSQL numbers its parameters ($1, $2…); the store writes `@name` or `?`. The translation is done once per
// distinct SQL text and cached: string literals, quoted identifiers and comments are left alone.
import type { Params, SqlValue } from './sql.js';

export interface Positional {
  text: string;
  /** For named parameters: the name bound to each $n; null for `?` parameters (bound in order). */
  names: string[] | null;
}

const TOKEN = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|::|@([A-Za-z_][A-Za-z0-9_]*)|\?/g;

export function toPositional(text: string): Positional {
  const names: string[] = [];
  let questionMarks = 0;
  const translated = text.replace(TOKEN, (token, name: string | undefined) => {
    if (name !== undefined) {
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      return `$${index + 1}`;
    }
    if (token === '?') return `$${++questionMarks}`;
    return token;
  });
  if (names.length > 0 && questionMarks > 0) throw new Error('SQL mixes @name and ? parameters');
  return { text: translated, names: questionMarks > 0 ? null : names };
}

export function bind(positional: Positional, params: Params | undefined): SqlValue[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params as SqlValue[];
  if (positional.names === null) throw new Error('positional SQL given named parameters');
  const named = params as Readonly<Record<string, SqlValue | undefined>>;
  return positional.names.map((name) => {
    const value = named[name];
    if (value === undefined) throw new Error(`missing SQL parameter @${name}`);
    return value;
  });
}
