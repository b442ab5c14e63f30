import { describe, expect, it } from 'vitest';
import {
  canSee,
  folderOf,
  inFolder,
  matchesQuery,
  matchesText,
  parseConversationNumber,
  type InboxViewer,
} from './index.js';

const admin: InboxViewer = { id: 'ad', role: 'admin', seesBotChats: true };
const agent: InboxViewer = { id: 'me', role: 'agent', seesBotChats: false };
const botAgent: InboxViewer = { ...agent, seesBotChats: true };

const conv = (
  over: Partial<{
    status: 'open' | 'closed';
    assigneeId: string | null;
    queuedAt: number | null;
    visitorWroteAt: number | null;
  }>,
) => ({
  status: 'open' as const,
  assigneeId: null,
  queuedAt: 1,
  visitorWroteAt: 1,
  number: 7,
  updatedAt: 100,
  ...over,
});

describe('parseConversationNumber', () => {
  it.each([
    ['12', 12],
    ['#12', 12],
    [' #12 ', 12],
    ['#007', 7],
  ])('reads %j as %d', (q, n) => expect(parseConversationNumber(q)).toBe(n));

  it.each(['', '#', '0', '#0', '12a', 'a12', '# 12', '1.5', '-3', '1234567890'])('%j is no number', (q) =>
    expect(parseConversationNumber(q)).toBeNull(),
  );
});

describe('folders', () => {
  it('files a queued, unassigned chat in Unassigned for everyone', () => {
    const c = conv({});
    for (const v of [admin, agent]) expect(folderOf(c, v)).toBe('unassigned');
    expect(inFolder('all', c, admin)).toBe(true);
    expect(inFolder('all', c, agent)).toBe(false);
  });

  it("shows an agent their own chats in Mine, never a colleague's", () => {
    expect(folderOf(conv({ assigneeId: 'me' }), agent)).toBe('mine');
    expect(folderOf(conv({ assigneeId: 'other' }), agent)).toBeNull();
    expect(folderOf(conv({ assigneeId: 'other' }), admin)).toBe('all');
    expect(folderOf(conv({ assigneeId: 'other', status: 'closed' }), agent)).toBeNull();
    expect(folderOf(conv({ assigneeId: 'other', status: 'closed' }), admin)).toBe('closed');
  });

  it('files bot-only chats in Bot for admins, and for agents only where the site allows', () => {
    const bot = conv({ queuedAt: null });
    expect(folderOf(bot, admin)).toBe('bot');
    expect(folderOf(bot, botAgent)).toBe('bot');
    expect(folderOf(bot, agent)).toBeNull();
    expect(canSee(agent, bot)).toBe(false);
    expect(inFolder('unassigned', bot, admin)).toBe(false);
    expect(inFolder('all', bot, admin)).toBe(false);
    // Once taken over (assigned, queued) it leaves the Bot folder.
    expect(inFolder('bot', conv({ queuedAt: 5, assigneeId: 'me' }), botAgent)).toBe(false);
  });

  it('lists a bot-only chat in Bot only once the visitor wrote, yet keeps it visible before', () => {
    const silent = conv({ queuedAt: null, visitorWroteAt: null });
    for (const v of [admin, botAgent]) {
      expect(inFolder('bot', silent, v)).toBe(false);
      expect(folderOf(silent, v)).toBeNull();
      expect(canSee(v, silent)).toBe(true);
      expect(inFolder('bot', { ...silent, visitorWroteAt: 3 }, v)).toBe(true);
    }
    expect(canSee(agent, silent)).toBe(false);
    expect(matchesQuery(silent, admin, { folder: 'bot' })).toBe(false);
    // A search (q) covers every conversation the viewer may see, this one too.
    expect(matchesQuery(silent, admin, { folder: 'bot', q: '#7' })).toBe(true);
  });

  it('never lists an open chat in Closed, nor a closed one elsewhere', () => {
    for (const v of [admin, agent, botAgent])
      for (const c of [conv({}), conv({ assigneeId: v.id }), conv({ queuedAt: null })]) {
        expect(inFolder('closed', c, v)).toBe(false);
        const closed = { ...c, status: 'closed' as const };
        for (const f of ['unassigned', 'mine', 'all', 'bot'] as const)
          expect(inFolder(f, closed, v)).toBe(false);
      }
  });
});

describe('matchesQuery', () => {
  it('searches every folder the viewer may see when q is given', () => {
    const mine = conv({ assigneeId: 'me' });
    expect(matchesQuery(mine, agent, { folder: 'unassigned' })).toBe(false);
    expect(matchesQuery(mine, agent, { folder: 'unassigned', q: '#7' })).toBe(true);
    expect(matchesQuery(mine, agent, { folder: 'unassigned', q: '#8' })).toBe(false);
    expect(matchesQuery(conv({ assigneeId: 'other' }), agent, { folder: 'unassigned', q: '7' })).toBe(false);
  });

  it('lists nothing for a status the folder excludes', () => {
    expect(matchesQuery(conv({}), agent, { folder: 'unassigned', status: 'closed' })).toBe(false);
    expect(matchesQuery(conv({ status: 'closed' }), agent, { folder: 'unassigned', status: 'closed' })).toBe(
      false,
    );
    expect(matchesQuery(conv({ status: 'closed' }), agent, { folder: 'closed', status: 'closed' })).toBe(
      true,
    );
    expect(matchesQuery(conv({}), agent, { q: '7', status: 'closed' })).toBe(false);
  });

  it("lists nothing for a colleague's id asked by an agent", () => {
    expect(matchesQuery(conv({ assigneeId: 'other' }), agent, { assigneeId: 'other' })).toBe(false);
    expect(matchesQuery(conv({ assigneeId: 'other' }), admin, { assigneeId: 'other' })).toBe(true);
    expect(matchesQuery(conv({}), agent, { assigneeId: 'none' })).toBe(true);
  });
});

describe('matchesText', () => {
  it('matches part of any field, ignoring case', () => {
    expect(matchesText('jane', ['Jane Doe', null])).toBe(true);
    expect(matchesText('EXAMPLE', [null, 'j@example.com'])).toBe(true);
    expect(matchesText('bob', ['Jane', 'j@example.com'])).toBe(false);
    expect(matchesText('  ', ['x'])).toBe(true);
  });
});
