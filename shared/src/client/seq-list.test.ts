import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { insertBySeq } from './seq-list.js';

describe('insertBySeq', () => {
  it('keeps any arrival order sorted by seq, each seq once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 })), (seqs) => {
        let list: readonly { seq: number }[] = [];
        for (const seq of seqs) list = insertBySeq(list, { seq });
        expect(list.map((m) => m.seq)).toEqual([...new Set(seqs)].sort((a, b) => a - b));
      }),
    );
  });

  it('returns the same list for a seq it already holds', () => {
    const list = [{ seq: 1 }, { seq: 3 }];
    expect(insertBySeq(list, { seq: 3 })).toBe(list);
    expect(insertBySeq(list, { seq: 1 })).toBe(list);
    expect(insertBySeq(list, { seq: 2 }).map((m) => m.seq)).toEqual([1, 2, 3]);
  });
});
