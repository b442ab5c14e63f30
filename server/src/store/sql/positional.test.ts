import { describe, expect, it } from 'vitest';
import { bind, toPositional } from './positional.js';

describe('toPositional', () => {
  it('numbers named parameters by first use, reusing the number of a repeated name', () => {
    const p = toPositional('SELECT * FROM t WHERE a = @a AND (b = @b OR @a IS NULL) AND c = @c_1');
    expect(p.text).toBe('SELECT * FROM t WHERE a = $1 AND (b = $2 OR $1 IS NULL) AND c = $3');
    expect(p.names).toEqual(['a', 'b', 'c_1']);
    expect(bind(p, { c_1: 3, b: 'two', a: null, unused: 'x' })).toEqual([null, 'two', 3]);
  });

  it('numbers ? parameters in order and binds an array as is', () => {
    const p = toPositional('INSERT INTO t (a, b, c) VALUES (?, ?, ?)');
    expect(p.text).toBe('INSERT INTO t (a, b, c) VALUES ($1, $2, $3)');
    expect(p.names).toBeNull();
    expect(bind(p, ['x', 2, null])).toEqual(['x', 2, null]);
  });

  it('leaves string literals, quoted identifiers and comments alone', () => {
    const text = `SELECT '@a ? it''s @b', "@col?", x -- @c ?
      /* @d ? */ FROM t WHERE y = @e ESCAPE '\\'`;
    const p = toPositional(text);
    expect(p.text).toBe(`SELECT '@a ? it''s @b', "@col?", x -- @c ?
      /* @d ? */ FROM t WHERE y = $1 ESCAPE '\\'`);
    expect(p.names).toEqual(['e']);
  });

  it('keeps :: casts and does not read them as parameters', () => {
    expect(toPositional('SELECT @a::text, 1::bigint').text).toBe('SELECT $1::text, 1::bigint');
    expect(toPositional('SELECT ?::text, ?').text).toBe('SELECT $1::text, $2');
  });

  it('takes SQL without parameters as it is', () => {
    const p = toPositional("SELECT COUNT(*) FROM t WHERE s = 'open'");
    expect(p).toEqual({ text: "SELECT COUNT(*) FROM t WHERE s = 'open'", names: [] });
    expect(bind(p, undefined)).toEqual([]);
  });

  it('refuses SQL that mixes both kinds, and missing or mismatched parameters', () => {
    expect(() => toPositional('SELECT @a, ?')).toThrow(/mixes/);
    expect(() => bind(toPositional('SELECT @a, @b'), { a: 1 })).toThrow(/@b/);
    expect(() => bind(toPositional('SELECT ?'), { a: 1 })).toThrow(/named parameters/);
  });
});
