import { describe, expect, it } from 'vitest';
import { insertReply, matchReplies, slashQueryAt } from './slash-query.js';
import { savedReply } from '../../test-utils/inbox-fixtures.js';

describe('saved reply slash queries', () => {
  it('finds "/query" at the start or after whitespace, up to the caret', () => {
    expect(slashQueryAt('/he', 3)).toEqual({ start: 0, end: 3, query: 'he' });
    expect(slashQueryAt('Hi /', 4)).toEqual({ start: 3, end: 4, query: '' });
    expect(slashQueryAt('Hi\n/pri', 7)).toEqual({ start: 3, end: 7, query: 'pri' });
    expect(slashQueryAt('and/or', 6)).toBeNull();
    expect(slashQueryAt('/he llo', 7)).toBeNull();
    expect(slashQueryAt('https://x', 9)).toBeNull();
    expect(slashQueryAt('/hello there', 3)).toEqual({ start: 0, end: 3, query: 'he' });
  });

  it('lists shortcuts starting with the query first, then other matches', () => {
    const replies = [
      savedReply({ id: '1', shortcut: 'thanks', body: 'Thank you!' }),
      savedReply({ id: '2', shortcut: 'pricing', body: 'Our prices start at 10 EUR.' }),
      savedReply({ id: '3', shortcut: 'hello', body: 'Hello! How can I help?' }),
    ];
    expect(matchReplies(replies, '').map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(matchReplies(replies, 'PR').map((r) => r.id)).toEqual(['2']);
    expect(matchReplies(replies, 'h').map((r) => r.id)).toEqual(['3', '1']);
    expect(matchReplies(replies, 'zzz')).toEqual([]);
  });

  it('replaces the "/query" with the body and puts the caret after it', () => {
    expect(insertReply('Hi /he!', { start: 3, end: 6, query: 'he' }, 'Hello')).toEqual({
      value: 'Hi Hello!',
      caret: 8,
    });
  });
});
