import type { Activity, Message } from '@livechat/shared/model';
import { describe, expect, it } from 'vitest';
import { mergeActivities, timelineItems } from './activities.js';
import { message, T0 } from '../test-utils/fixtures.js';
import { activity } from '../test-utils/inbox-fixtures.js';

const keys = (items: ReturnType<typeof timelineItems>) =>
  items.map((i) => (i.kind === 'message' ? `m${i.message.seq}` : i.activity.id));

describe('activities', () => {
  it('keeps one entry per id, oldest first, and the same array when nothing is new', () => {
    const a = activity({ id: 'a', createdAt: T0 + 2 });
    const b = activity({ id: 'b', createdAt: T0 + 1 });
    const list = mergeActivities([], [a, b, a]);
    expect(list.map((x: Activity) => x.id)).toEqual(['b', 'a']);
    expect(mergeActivities(list, [b])).toBe(list);
  });

  it('interleaves messages and activities by time, messages first on a tie', () => {
    const messages = [message(1), message(2), message(3)]; // T0+1000, +2000, +3000
    const activities = [
      activity({ id: 'before', createdAt: T0 }),
      activity({ id: 'tie', createdAt: T0 + 2000 }),
      activity({ id: 'after', createdAt: T0 + 9000 }),
    ];
    expect(keys(timelineItems(messages, activities))).toEqual(['before', 'm1', 'm2', 'tie', 'm3', 'after']);
    expect(keys(timelineItems([], activities))).toEqual(['before', 'tie', 'after']);
  });

  it('tells each thing once: a system message is hidden beside the activity recorded with it', () => {
    const system = (seq: number, content: Message['content'], at: number) =>
      message(seq, {
        author: { kind: 'system', id: null, name: '' },
        body: `system ${seq}`,
        content,
        createdAt: at,
      });
    const ann = { id: 'ag-2', name: 'Ann' };
    const messages = [
      message(1),
      system(2, { type: 'agent_joined', agent: ann }, T0 + 5000),
      system(3, { type: 'agent_left', agent: ann }, T0 + 6000),
      system(4, { type: 'closed' }, T0 + 7000),
      // Nothing recorded beside these: they stay.
      system(5, { type: 'agent_joined', agent: { id: 'ag-3', name: 'Ben' } }, T0 + 8000),
      system(6, { type: 'agent_left', agent: ann }, T0 + 60_000),
    ];
    const activities = [
      activity({ id: 'joined', kind: 'assigned', data: { assigneeId: 'ag-2' }, createdAt: T0 + 5000 }),
      activity({ id: 'left', kind: 'unassigned', data: null, createdAt: T0 + 6000 }),
      activity({ id: 'closed', kind: 'closed', data: null, createdAt: T0 + 7000 }),
    ];
    expect(keys(timelineItems(messages, activities))).toEqual(['m1', 'joined', 'left', 'closed', 'm5', 'm6']);
    // Before the activities load, every system message shows.
    expect(keys(timelineItems(messages, []))).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
  });
});
