import { describe, expect, it } from 'vitest';
import { applyMessage, listConversations, replaceStatus, upsertConversation } from './conversation-list.js';
import { conversation, message, T0 } from '../test-utils/fixtures.js';

const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);

describe('conversation list', () => {
  it('sorts by last activity, newest first', () => {
    let map: ReadonlyMap<string, ReturnType<typeof conversation>> = new Map();
    map = upsertConversation(map, conversation({ id: 'a', updatedAt: T0 + 1 }));
    map = upsertConversation(map, conversation({ id: 'b', updatedAt: T0 + 2 }));
    expect(ids(listConversations(map, 'open'))).toEqual(['b', 'a']);
  });

  it('ignores an older copy than the one held', () => {
    const map = upsertConversation(
      new Map(),
      conversation({ id: 'a', updatedAt: T0 + 5, visitorName: 'new' }),
    );
    const after = upsertConversation(map, conversation({ id: 'a', updatedAt: T0 + 1, visitorName: 'old' }));
    expect(after.get('a')?.visitorName).toBe('new');
  });

  it('drops conversations the server stopped listing, except ones a live frame touched meanwhile', () => {
    let map = upsertConversation(new Map(), conversation({ id: 'gone' }));
    map = upsertConversation(map, conversation({ id: 'live' }));
    map = upsertConversation(map, conversation({ id: 'closed-one', status: 'closed' }));
    const next = replaceStatus(map, 'open', [conversation({ id: 'kept' })], new Set(['live']));
    expect([...next.keys()].sort()).toEqual(['closed-one', 'kept', 'live']);
  });

  it('moves a conversation up with its preview when a newer message arrives', () => {
    const map = upsertConversation(new Map(), conversation({ id: 'c-1', lastSeq: 1 }));
    const next = applyMessage(map, message(2, { body: 'new text', createdAt: T0 + 99 }));
    expect(next.get('c-1')).toMatchObject({ lastSeq: 2, lastMessagePreview: 'new text', updatedAt: T0 + 99 });
    expect(applyMessage(next, message(2))).toBe(next);
  });
});
