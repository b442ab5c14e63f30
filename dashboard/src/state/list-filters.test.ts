import { describe, expect, it } from 'vitest';
import type { InboxViewer } from '@livechat/shared/inbox';
import {
  dayEnd,
  dayStart,
  inScope,
  listQuery,
  matchesName,
  NO_FILTERS,
  usableFilters,
} from './list-filters.js';
import { conversation, T0 } from '../test-utils/fixtures.js';

const admin: InboxViewer = { id: 'ag-1', role: 'admin', seesBotChats: true, teamIds: [] };
const agent: InboxViewer = { id: 'ag-1', role: 'agent', seesBotChats: false, teamIds: [] };

describe('list filters', () => {
  it('asks for the folder with only the filters that are set and make sense there, days as local midnights', () => {
    expect(listQuery('mine', NO_FILTERS)).toEqual({ folder: 'mine' });
    const query = listQuery('closed', {
      ...NO_FILTERS,
      status: 'open',
      assigneeId: 'none',
      from: '2025-01-06',
      to: '2025-01-07',
    });
    // Every folder fixes the status: outside a search the Status filter is not asked.
    expect(query).toEqual({
      folder: 'closed',
      assigneeId: 'none',
      from: new Date(2025, 0, 6).getTime(),
      to: new Date(2025, 0, 8).getTime() - 1,
    });
    // Unassigned and My chats fix the assignee too.
    expect(listQuery('unassigned', { ...NO_FILTERS, assigneeId: 'ag-2', status: 'closed' })).toEqual({
      folder: 'unassigned',
    });
    expect(dayStart('')).toBeUndefined();
    expect(dayEnd('not a day')).toBeUndefined();
  });

  it('searches across the folders: no folder asked, Status and Assigned to usable', () => {
    const filters = { ...NO_FILTERS, q: ' #12 ', status: 'closed' as const, assigneeId: 'none' };
    expect(listQuery('unassigned', filters)).toEqual({ q: '#12', status: 'closed', assigneeId: 'none' });
    expect(usableFilters('unassigned', filters)).toEqual({ status: true, assignee: true });
    expect(usableFilters('unassigned', NO_FILTERS)).toEqual({ status: false, assignee: false });
    expect(usableFilters('mine', NO_FILTERS)).toEqual({ status: false, assignee: false });
    expect(usableFilters('bot', NO_FILTERS)).toEqual({ status: false, assignee: false });
    expect(usableFilters('all', NO_FILTERS)).toEqual({ status: false, assignee: true });
    expect(usableFilters('closed', NO_FILTERS)).toEqual({ status: false, assignee: true });
  });

  it('files a conversation by the shared folder rules, for what the viewer may see', () => {
    const mine = conversation({ assigneeId: 'ag-1' });
    const theirs = conversation({ assigneeId: 'ag-2' });
    const bot = conversation({ queuedAt: null, visitorWroteAt: T0 });
    // The visitor only opened the chat (the bot greeted them): in no folder, though an admin may still see it.
    const silent = conversation({ queuedAt: null, visitorWroteAt: null });
    expect(inScope(mine, 'mine', NO_FILTERS, agent)).toBe(true);
    expect(inScope(mine, 'mine', { ...NO_FILTERS, assigneeId: 'none' }, agent)).toBe(true);
    expect(inScope(mine, 'unassigned', NO_FILTERS, agent)).toBe(false);
    expect(inScope(mine, 'all', { ...NO_FILTERS, assigneeId: 'ag-2' }, admin)).toBe(false);
    expect(inScope(theirs, 'all', { ...NO_FILTERS, assigneeId: 'ag-2' }, admin)).toBe(true);
    expect(inScope(mine, 'closed', NO_FILTERS, agent)).toBe(false);
    expect(inScope(bot, 'unassigned', NO_FILTERS, admin)).toBe(false);
    expect(inScope(bot, 'bot', NO_FILTERS, admin)).toBe(true);
    expect(inScope(silent, 'bot', NO_FILTERS, admin)).toBe(false);
    expect(inScope(silent, 'bot', { ...NO_FILTERS, q: '#1' }, admin)).toBe(true);
    // A search finds #12 whichever folder is shown, and never a colleague's chat for an agent.
    const twelve = conversation({ number: 12, assigneeId: 'ag-1' });
    expect(inScope(twelve, 'unassigned', { ...NO_FILTERS, q: '#12' }, agent)).toBe(true);
    expect(
      inScope(
        conversation({ number: 12, assigneeId: 'ag-2' }),
        'unassigned',
        { ...NO_FILTERS, q: '12' },
        agent,
      ),
    ).toBe(false);
    expect(inScope(twelve, 'unassigned', { ...NO_FILTERS, q: '#13' }, agent)).toBe(false);
  });

  it('bounds the last activity by whole days', () => {
    const day = (d: number, h: number) => conversation({ updatedAt: new Date(2025, 0, d, h).getTime() });
    const filters = { ...NO_FILTERS, from: '2025-01-06', to: '2025-01-06' };
    expect(inScope(day(6, 0), 'unassigned', filters, agent)).toBe(true);
    expect(inScope(day(6, 23), 'unassigned', filters, agent)).toBe(true);
    expect(inScope(day(7, 0), 'unassigned', filters, agent)).toBe(false);
    expect(inScope(day(5, 23), 'unassigned', filters, agent)).toBe(false);
  });

  it('guesses the text match from the visitor name (numbers are judged by inScope)', () => {
    const c = conversation({ number: 12, visitorName: 'Vera Visitor', updatedAt: T0 });
    for (const q of ['', '#12', 'vera', 'VISITOR']) expect(matchesName(c, q)).toBe(true);
    for (const q of ['bob', 'vera@']) expect(matchesName(c, q)).toBe(false);
  });
});
