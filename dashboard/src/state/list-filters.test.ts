import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, inScope, listQuery, matchesText, NO_FILTERS } from './list-filters.js';
import { conversation, T0 } from '../test-utils/fixtures.js';

describe('list filters', () => {
  it('asks for the folder with only the filters that are set, days as local midnights', () => {
    expect(listQuery('mine', NO_FILTERS)).toEqual({ folder: 'mine' });
    const query = listQuery('closed', {
      q: ' #12 ',
      status: 'closed',
      assigneeId: 'none',
      from: '2025-01-06',
      to: '2025-01-07',
    });
    expect(query).toMatchObject({ folder: 'closed', q: '#12', status: 'closed', assigneeId: 'none' });
    expect(query.from).toBe(new Date(2025, 0, 6).getTime());
    expect(query.to).toBe(new Date(2025, 0, 8).getTime() - 1);
    expect(dayStart('')).toBeUndefined();
    expect(dayEnd('not a day')).toBeUndefined();
  });

  it("lets the folder's status and assignee win over the filters, as the server does", () => {
    const mine = conversation({ assigneeId: 'ag-1' });
    expect(inScope(mine, 'mine', NO_FILTERS, 'ag-1')).toBe(true);
    expect(inScope(mine, 'mine', { ...NO_FILTERS, assigneeId: 'none' }, 'ag-1')).toBe(true);
    expect(inScope(mine, 'unassigned', NO_FILTERS, 'ag-1')).toBe(false);
    expect(inScope(mine, 'all', { ...NO_FILTERS, assigneeId: 'ag-2' }, 'ag-1')).toBe(false);
    expect(inScope(mine, 'all', { ...NO_FILTERS, assigneeId: 'ag-1' }, 'ag-1')).toBe(true);
    expect(inScope(mine, 'closed', NO_FILTERS, 'ag-1')).toBe(false);
  });

  it('bounds the last activity by whole days', () => {
    const day = (d: number, h: number) => conversation({ updatedAt: new Date(2025, 0, d, h).getTime() });
    const filters = { ...NO_FILTERS, from: '2025-01-06', to: '2025-01-06' };
    expect(inScope(day(6, 0), 'unassigned', filters, 'ag-1')).toBe(true);
    expect(inScope(day(6, 23), 'unassigned', filters, 'ag-1')).toBe(true);
    expect(inScope(day(7, 0), 'unassigned', filters, 'ag-1')).toBe(false);
    expect(inScope(day(5, 23), 'unassigned', filters, 'ag-1')).toBe(false);
  });

  it('guesses the text match from the number or the visitor name', () => {
    const c = conversation({ number: 12, visitorName: 'Vera Visitor', updatedAt: T0 });
    for (const q of ['', '12', '#12', 'vera', 'VISITOR']) expect(matchesText(c, q)).toBe(true);
    for (const q of ['1', '#13', 'bob']) expect(matchesText(c, q)).toBe(false);
  });
});
