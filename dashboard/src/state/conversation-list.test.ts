import { describe, expect, it } from 'vitest';
import {
  applyListAnswer,
  applyMessage,
  removeConversation,
  upsertConversation,
  visibleList,
  type ConversationMap,
} from './conversation-list.js';
import { NO_FILTERS } from './list-filters.js';
import { markGone } from './gone.js';
import { conversation, message, T0 } from '../test-utils/fixtures.js';

const viewer = { id: 'ag-1', role: 'admin' as const, seesBotChats: true, teamIds: [] };
const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);

function mapOf(...list: ReturnType<typeof conversation>[]): ConversationMap {
  let map: ConversationMap = new Map();
  for (const c of list) map = upsertConversation(map, c);
  return map;
}

describe('conversation list', () => {
  it('shows the listed conversations that belong in the folder, newest activity first', () => {
    const map = mapOf(
      conversation({ id: 'a', updatedAt: T0 + 1 }),
      conversation({ id: 'b', updatedAt: T0 + 2 }),
      conversation({ id: 'mine', assigneeId: 'ag-1', updatedAt: T0 + 3 }),
      conversation({ id: 'done', status: 'closed', closedAt: T0 + 4, updatedAt: T0 + 4 }),
      conversation({ id: 'unlisted', updatedAt: T0 + 5 }),
    );
    const listed = new Set(['a', 'b', 'mine', 'done', 'gone']);
    const view = (folder: 'unassigned' | 'mine' | 'all' | 'closed') =>
      ids(visibleList(map, listed, { folder, filters: NO_FILTERS, viewer }));
    expect(view('unassigned')).toEqual(['b', 'a']);
    expect(view('mine')).toEqual(['mine']);
    expect(view('all')).toEqual(['mine', 'b', 'a']);
    expect(view('closed')).toEqual(['done']);
  });

  it('ignores an older copy than the one held', () => {
    const map = mapOf(conversation({ id: 'a', updatedAt: T0 + 5, visitorName: 'new' }));
    const after = upsertConversation(map, conversation({ id: 'a', updatedAt: T0 + 1, visitorName: 'old' }));
    expect(after.get('a')?.visitorName).toBe('new');
  });

  it('forgets a conversation, returning the same map when it was not held', () => {
    const map = mapOf(conversation({ id: 'a' }));
    expect([...removeConversation(map, 'a').keys()]).toEqual([]);
    expect(removeConversation(map, 'x')).toBe(map);
  });

  it('moves a conversation up with its preview when a newer message arrives', () => {
    const map = mapOf(conversation({ id: 'c-1', lastSeq: 1 }));
    const next = applyMessage(map, message(2, { body: 'new text', createdAt: T0 + 99 }));
    expect(next.get('c-1')).toMatchObject({ lastSeq: 2, lastMessagePreview: 'new text', updatedAt: T0 + 99 });
    expect(applyMessage(next, message(2))).toBe(next);
  });

  it('applies a list answer: live additions stay, live removals stay out, gone ones come back only newer', () => {
    let removed = markGone(new Map(), 'b', { since: T0 });
    removed = markGone(removed, 'gone', { since: T0 });
    removed = markGone(removed, 'stale', { since: T0 + 5 });
    const held = {
      conversations: mapOf(conversation({ id: 'a', updatedAt: T0 + 9, visitorName: 'newer' })),
      removed,
    };
    const fresh = [
      conversation({ id: 'a', updatedAt: T0, visitorName: 'older' }),
      conversation({ id: 'b', updatedAt: T0 + 1 }),
      conversation({ id: 'c' }),
      conversation({ id: 'stale', updatedAt: T0 + 5 }),
    ];
    const answer = applyListAnswer(held, fresh, { added: new Set(['live']), removed: new Set(['c']) });
    expect([...answer.listIds].sort()).toEqual(['a', 'b', 'live']);
    expect(answer.conversations.get('a')?.visitorName).toBe('newer');
    expect(answer.conversations.has('c')).toBe(false);
    expect(answer.conversations.has('stale')).toBe(false);
    expect([...answer.removed.keys()].sort()).toEqual(['gone', 'stale']);
    expect(answer.returned).toEqual(['b']);
  });
});
