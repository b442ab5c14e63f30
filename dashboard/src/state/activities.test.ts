import type { Activity } from '@livechat/shared/model';
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
});
