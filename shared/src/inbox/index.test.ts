import { describe, expect, it } from 'vitest';
import {
  canSee,
  folderOf,
  inFolder,
  isOfType,
  matchesContact,
  matchesQuery,
  matchesText,
  parseConversationNumber,
  type InboxViewer,
} from './index.js';

const admin: InboxViewer = { id: 'ad', role: 'admin', seesBotChats: true, teamIds: [] };
const agent: InboxViewer = { id: 'me', role: 'agent', seesBotChats: false, teamIds: [] };
const salesAgent: InboxViewer = { ...agent, teamIds: ['sales'] };
const botAgent: InboxViewer = { ...agent, seesBotChats: true };

const conv = (
  over: Partial<{
    status: 'open' | 'closed';
    assigneeId: string | null;
    queuedAt: number | null;
    visitorWroteAt: number | null;
    teamId: string | null;
    channel: 'web' | 'sms';
    startedByAgent: boolean;
    createdAt: number;
    updatedAt: number;
    tags: string[];
  }>,
) => ({
  status: 'open' as const,
  assigneeId: null,
  queuedAt: 1,
  visitorWroteAt: 1,
  teamId: null,
  number: 7,
  updatedAt: 100,
  createdAt: 50,
  channel: 'web' as 'web' | 'sms',
  startedByAgent: false,
  tags: [] as string[],
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

  it("shows a team's queue to its members (My teams and Unassigned) and admins, never to other agents", () => {
    const queued = conv({ teamId: 'sales' });
    expect(folderOf(queued, salesAgent)).toBe('teams');
    expect(inFolder('unassigned', queued, salesAgent)).toBe(true);
    expect(canSee(agent, queued)).toBe(false);
    expect(inFolder('unassigned', queued, agent)).toBe(false);
    expect(folderOf(queued, admin)).toBe('unassigned');
    expect(inFolder('teams', queued, admin)).toBe(false); // the admin is in no team
    // Everyone's queue is in nobody's My teams.
    expect(inFolder('teams', conv({}), salesAgent)).toBe(false);
  });

  it("keeps a team chat a colleague took theirs alone, even for the colleague's teammates", () => {
    const taken = conv({ teamId: 'sales', assigneeId: 'other' });
    expect(canSee(salesAgent, taken)).toBe(false);
    expect(inFolder('teams', taken, salesAgent)).toBe(false);
    expect(folderOf(conv({ teamId: 'sales', assigneeId: 'me' }), salesAgent)).toBe('mine');
    expect(canSee(salesAgent, { ...taken, status: 'closed' })).toBe(false);
  });

  it('never lists an open chat in Closed, nor a closed one elsewhere', () => {
    for (const v of [admin, agent, botAgent, salesAgent])
      for (const c of [
        conv({}),
        conv({ assigneeId: v.id }),
        conv({ queuedAt: null }),
        conv({ teamId: 'sales' }),
      ]) {
        expect(inFolder('closed', c, v)).toBe(false);
        const closed = { ...c, status: 'closed' as const };
        for (const f of ['unassigned', 'mine', 'teams', 'all', 'bot'] as const)
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

describe('matchesQuery filters', () => {
  it('narrows by channel, team (or none) and the created and last activity ranges, both ends included', () => {
    const sms = conv({ channel: 'sms', teamId: 'sales', createdAt: 50, updatedAt: 100 });
    expect(matchesQuery(sms, salesAgent, { channel: 'sms' })).toBe(true);
    expect(matchesQuery(sms, salesAgent, { channel: 'web' })).toBe(false);
    expect(matchesQuery(sms, salesAgent, { teamId: 'sales' })).toBe(true);
    expect(matchesQuery(sms, salesAgent, { teamId: 'none' })).toBe(false);
    expect(matchesQuery(conv({}), agent, { teamId: 'none' })).toBe(true);
    expect(matchesQuery(sms, salesAgent, { createdFrom: 50, createdTo: 50 })).toBe(true);
    expect(matchesQuery(sms, salesAgent, { createdFrom: 51 })).toBe(false);
    expect(matchesQuery(sms, salesAgent, { createdTo: 49 })).toBe(false);
    expect(matchesQuery(sms, salesAgent, { from: 100, to: 100 })).toBe(true);
    expect(matchesQuery(sms, salesAgent, { to: 99 })).toBe(false);
  });

  it('applies every filter together', () => {
    const c = conv({ channel: 'sms', teamId: 'sales' });
    expect(matchesQuery(c, salesAgent, { channel: 'sms', teamId: 'sales', type: 'sms' })).toBe(true);
    expect(matchesQuery(c, salesAgent, { channel: 'sms', teamId: 'sales', type: 'live' })).toBe(false);
    expect(matchesQuery(c, salesAgent, { channel: 'sms', teamId: 'other', type: 'sms' })).toBe(false);
  });

  it('tells the types apart: bot-only, live web chats, texts the contact started, agent-started', () => {
    const bot = conv({ queuedAt: null });
    const live = conv({});
    const text = conv({ channel: 'sms' });
    const started = conv({ channel: 'sms', startedByAgent: true, assigneeId: 'me' });
    const types = (c: ReturnType<typeof conv>) =>
      (['bot', 'live', 'sms', 'agent_started'] as const).filter((type) => isOfType(c, type));
    expect(types(bot)).toEqual(['bot']);
    expect(types(live)).toEqual(['live']);
    expect(types(conv({ queuedAt: null, assigneeId: 'me' }))).toEqual(['live']);
    expect(types(text)).toEqual(['sms']);
    expect(types(started)).toEqual(['agent_started']);
    expect(matchesQuery(started, agent, { type: 'agent_started' })).toBe(true);
    expect(matchesQuery(bot, admin, { type: 'live' })).toBe(false);
  });

  it('matches a tag of the conversation or of its contact, and an attribute by its name ignoring case', () => {
    const contact = { tags: ['vip'], attributes: [{ key: 'Plan', value: 'Pro' }] };
    const tagged = conv({ tags: ['billing'] });
    expect(matchesQuery(tagged, agent, { tag: 'billing' }, contact)).toBe(true);
    expect(matchesQuery(tagged, agent, { tag: 'vip' }, contact)).toBe(true);
    expect(matchesQuery(tagged, agent, { tag: 'other' }, contact)).toBe(false);
    expect(matchesQuery(tagged, agent, { attribute: 'PLAN' }, contact)).toBe(true);
    expect(matchesQuery(tagged, agent, { attribute: 'plan', attributeValue: 'Pro' }, contact)).toBe(true);
    expect(matchesQuery(tagged, agent, { attribute: 'plan', attributeValue: 'pro' }, contact)).toBe(false);
    expect(matchesQuery(tagged, agent, { attribute: 'tier' }, contact)).toBe(false);
    expect(matchesContact(tagged, { tags: [], attributes: [] }, { tag: 'vip' })).toBe(false);
    // Without the contact, its filters are the caller's to judge.
    expect(matchesQuery(tagged, agent, { tag: 'vip', attribute: 'tier' })).toBe(true);
  });

  it('never lists what the viewer may not see, whatever the filters', () => {
    const colleagues = conv({ assigneeId: 'other', channel: 'sms', startedByAgent: true });
    expect(matchesQuery(colleagues, agent, { channel: 'sms', type: 'agent_started' })).toBe(false);
    expect(matchesQuery(conv({ teamId: 'sales' }), agent, { teamId: 'sales' })).toBe(false);
    expect(matchesQuery(conv({ teamId: 'sales' }), salesAgent, { teamId: 'sales' })).toBe(true);
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
