import type { AssigneeBody } from '@livechat/shared/api';
import type { Activity, Conversation, Message, Role } from '@livechat/shared/model';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/index.js';
import { fakeSockets } from '../test-utils/fake-socket.js';
import { agent, conversation, message, T0 } from '../test-utils/fixtures.js';
import { activity } from '../test-utils/inbox-fixtures.js';
import { attachment } from '../test-utils/media-fixtures.js';
import { visibleList } from './conversation-list.js';
import { InboxStore } from './inbox-store.js';
import { NO_FILTERS } from './list-filters.js';

const stores: InboxStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.stop();
});

const flush = () => new Promise((r) => setTimeout(r, 0));

const counts = (unassigned = 1) => ({
  unassigned,
  mine: 0,
  teams: 0,
  all: unassigned,
  bot: 0,
  closed: 0,
  teamIds: [],
});

function setup(
  history: Message[] = [],
  list: Conversation[] = [],
  activities: Activity[] = [],
  role: Role = 'admin',
) {
  const sockets = fakeSockets();
  const changed = (id: string, over: Partial<Conversation>) =>
    Promise.resolve(conversation({ id, updatedAt: T0 + 1, ...over }));
  const api = {
    list: vi.fn((_query: object): Promise<Conversation[]> => Promise.resolve(list)),
    counts: vi.fn(() => Promise.resolve(counts())),
    get: vi.fn((id: string) => Promise.resolve(conversation({ id }))),
    messages: vi.fn((id: string, afterSeq: number): Promise<Message[]> =>
      Promise.resolve(history.filter((m) => m.conversationId === id && m.seq > afterSeq)),
    ),
    assign: vi.fn((id: string) => changed(id, { assigneeId: 'ag-1' })),
    setAssignee: vi.fn((id: string, target: AssigneeBody) =>
      changed(id, { assigneeId: target.assigneeId ?? null, teamId: target.teamId ?? null }),
    ),
    close: vi.fn((id: string) => changed(id, { status: 'closed', closedAt: T0 + 1 })),
    reopen: vi.fn((id: string) => changed(id, { status: 'open', closedAt: null })),
    setTags: vi.fn((id: string, tags: string[]) => changed(id, { tags })),
    activities: vi.fn((_id: string): Promise<Activity[]> => Promise.resolve(activities)),
    addNote: vi.fn((conversationId: string, body: string) =>
      Promise.resolve(
        activity({ id: 'note-1', conversationId, kind: 'note', text: body, createdAt: T0 + 5 }),
      ),
    ),
  };
  const onSignedOut = vi.fn();
  const onAgent = vi.fn();
  const store = new InboxStore({
    onAgent,
    api,
    createSocket: sockets.createSocket,
    socketUrl: () => 'ws://test/ws/agent',
    onSignedOut,
    client: { minDelayMs: 1, maxDelayMs: 1 },
    countsDelayMs: 5,
  });
  stores.push(store);
  store.start();
  const online = async () => {
    sockets.last.open();
    sockets.last.receive({ type: 'welcome', v: 1, agent: agent({ role }) });
    await flush();
  };
  const thread = (id = 'c-1') => store.getState().threads.get(id);
  const listed = () => {
    const { conversations, listIds, folder, filters } = store.getState();
    const viewer = { id: 'ag-1', role, seesBotChats: role === 'admin', teamIds: [] };
    return visibleList(conversations, listIds, { folder, filters, viewer }).map((c) => c.id);
  };
  return { store, api, sockets, onSignedOut, onAgent, online, thread, listed };
}

describe('InboxStore', () => {
  it('opens a conversation: history over HTTP, then a watch from the highest seq held', async () => {
    const s = setup([message(1), message(2)]);
    await s.online();
    s.store.open('c-1');
    await flush();
    expect(s.api.messages).toHaveBeenCalledWith('c-1', 0, 200);
    expect(s.thread()?.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(s.sockets.last.sentOfType('conversation.watch')).toEqual([
      expect.objectContaining({ conversationId: 'c-1', afterSeq: 2 }),
    ]);
  });

  it('dedupes messages by seq across history, watch replay and live frames', async () => {
    const s = setup([message(1), message(2)]);
    await s.online();
    s.store.open('c-1');
    await flush();
    for (const seq of [2, 3, 1, 3])
      s.sockets.last.receive({ type: 'message.created', message: message(seq) });
    expect(s.thread()?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('fetches the missed messages when a live one skips seqs', async () => {
    const history = [message(1)];
    const s = setup(history);
    await s.online();
    s.store.open('c-1');
    await flush();
    history.push(message(2), message(3), message(4));
    s.sockets.last.receive({ type: 'message.created', message: message(4) });
    await flush();
    expect(s.api.messages).toHaveBeenLastCalledWith('c-1', 1, 200);
    expect(s.thread()?.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('shows a reply as pending and replaces it with its echo, matched by clientId', async () => {
    const s = setup([message(1)]);
    await s.online();
    s.store.open('c-1');
    await flush();
    expect(s.store.send('c-1', '  On it!  ')).toBe(true);
    const [frame] = s.sockets.last.sentOfType('message.send');
    expect(frame).toMatchObject({ type: 'message.send', conversationId: 'c-1', body: 'On it!' });
    expect(s.thread()?.pending.map((p) => p.clientId)).toEqual([frame!.id]);

    const stored = message(2, {
      clientId: frame!.id as string,
      body: 'On it!',
      author: { kind: 'agent', id: 'ag-1', name: 'Ada' },
    });
    s.sockets.last.receive({ type: 'message.created', message: stored });
    expect(s.thread()?.pending).toEqual([]);
    s.sockets.last.receive({ type: 'ack', id: frame!.id, message: stored });
    await flush();
    expect(s.thread()?.messages.filter((m) => m.body === 'On it!')).toHaveLength(1);
  });

  it('settles a pending reply from the ack alone', async () => {
    const s = setup();
    await s.online();
    s.store.open('c-1');
    await flush();
    s.store.send('c-1', 'hello');
    const [frame] = s.sockets.last.sentOfType('message.send');
    s.sockets.last.receive({
      type: 'ack',
      id: frame!.id,
      message: message(1, { clientId: frame!.id as string }),
    });
    await flush();
    expect(s.thread()?.pending).toEqual([]);
    expect(s.thread()?.messages.map((m) => m.seq)).toEqual([1]);
  });

  it('marks a refused reply failed and retries it with the same id', async () => {
    const s = setup();
    await s.online();
    s.store.open('c-1');
    await flush();
    s.store.send('c-1', 'hello');
    const [frame] = s.sockets.last.sentOfType('message.send');
    s.sockets.last.receive({
      type: 'error',
      id: frame!.id,
      code: 'conversation_closed',
      message: 'The conversation is closed.',
    });
    await flush();
    expect(s.thread()?.pending[0]?.error).toBe('The conversation is closed.');
    s.store.retry('c-1', frame!.id as string);
    expect(s.sockets.last.sentOfType('message.send').map((f) => f.id)).toEqual([frame!.id, frame!.id]);
    expect(s.thread()?.pending[0]?.error).toBeNull();
  });

  it('refuses empty and whitespace-only replies', async () => {
    const s = setup();
    await s.online();
    s.store.open('c-1');
    await flush();
    expect(s.store.send('c-1', '   \n ')).toBe(false);
    expect(s.sockets.last.sentOfType('message.send')).toEqual([]);
  });

  it('sends uploaded files by their ids, with the words as an optional caption, and retries them alike', async () => {
    const s = setup();
    await s.online();
    s.store.open('c-1');
    await flush();
    const photo = attachment({ id: 'f-1' });
    const pdf = attachment({ id: 'f-2', name: 'a.pdf', mime: 'application/pdf', kind: 'file' });
    expect(s.store.send('c-1', '  ', [photo, pdf])).toBe(true);
    const [frame] = s.sockets.last.sentOfType('message.send');
    expect(frame).toMatchObject({ body: '', attachments: ['f-1', 'f-2'] });
    expect(s.thread()?.pending[0]?.attachments).toEqual([photo, pdf]);
    s.sockets.last.receive({ type: 'error', id: frame!.id, code: 'rate_limited', message: 'Slow down.' });
    await flush();
    s.store.retry('c-1', frame!.id as string);
    expect(s.sockets.last.sentOfType('message.send').at(-1)).toMatchObject({
      id: frame!.id,
      attachments: ['f-1', 'f-2'],
    });
    // Words alone carry no attachments field; more files than one message holds are refused.
    s.store.send('c-1', 'Thanks');
    expect(s.sockets.last.sentOfType('message.send').at(-1)).not.toHaveProperty('attachments');
    const eleven = Array.from({ length: 11 }, (_, i) => attachment({ id: `f-${i}` }));
    expect(s.store.send('c-1', '', eleven)).toBe(false);
  });

  it('upserts conversation.updated and reorders the list by activity', async () => {
    const s = setup(
      [],
      [
        conversation({ id: 'a', number: 1, updatedAt: T0 + 10 }),
        conversation({ id: 'b', number: 2, updatedAt: T0 + 20 }),
      ],
    );
    await s.online();
    const order = s.listed;
    expect(order()).toEqual(['b', 'a']);

    s.sockets.last.receive({
      type: 'conversation.updated',
      conversation: conversation({ id: 'a', number: 1, updatedAt: T0 + 30, lastMessagePreview: 'new' }),
    });
    expect(order()).toEqual(['a', 'b']);
    expect(s.store.getState().conversations.get('a')?.lastMessagePreview).toBe('new');

    s.sockets.last.receive({
      type: 'conversation.updated',
      conversation: conversation({ id: 'c', number: 3, updatedAt: T0 + 40 }),
    });
    expect(order()).toEqual(['c', 'a', 'b']);

    s.sockets.last.receive({
      type: 'conversation.updated',
      conversation: conversation({ id: 'b', number: 2, status: 'closed', updatedAt: T0 + 50 }),
    });
    expect(order()).toEqual(['c', 'a']);
    expect(s.store.getState().conversations.get('b')?.status).toBe('closed');
  });

  it('resumes the open conversation on reconnect and refetches the list after welcome', async () => {
    const s = setup([message(1), message(2)]);
    await s.online();
    s.store.open('c-1');
    await flush();
    expect(s.sockets.sockets[0]!.sent[0]).toEqual({ type: 'hello', v: 1 });
    const listCalls = s.api.list.mock.calls.length;

    s.sockets.last.drop(1006);
    expect(s.store.getState().connection).toBe('offline');
    await new Promise((r) => setTimeout(r, 20));
    expect(s.sockets.sockets).toHaveLength(2);
    s.sockets.last.open();
    expect(s.sockets.last.sent[0]).toEqual({
      type: 'hello',
      v: 1,
      resume: { conversationId: 'c-1', afterSeq: 2 },
    });
    s.sockets.last.receive({ type: 'welcome', v: 1, agent: agent() });
    await flush();
    expect(s.store.getState().connection).toBe('online');
    expect(s.api.list.mock.calls.length).toBe(listCalls + 1);
  });

  it.each([4010, 4001])('signs out when the socket closes with %i', async (code) => {
    const s = setup();
    await s.online();
    s.sockets.last.drop(code);
    expect(s.onSignedOut).toHaveBeenCalledTimes(1);
    expect(s.store.getState().connection).toBe('stopped');
  });

  it('assigns a conversation and keeps the server copy', async () => {
    const s = setup([], [conversation()]);
    await s.online();
    await expect(s.store.assign('c-1')).resolves.toBeNull();
    expect(s.api.assign).toHaveBeenCalledWith('c-1');
    expect(s.store.getState().conversations.get('c-1')?.assigneeId).toBe('ag-1');
  });

  it('answers a refused assignment with the server message and asks again for the conversation and the list', async () => {
    const s = setup([], [conversation()]);
    await s.online();
    s.api.assign.mockRejectedValueOnce(new ApiError(409, 'already_assigned', 'Already taken by Bob.'));
    s.api.get.mockResolvedValueOnce(conversation({ assigneeId: 'ag-2', updatedAt: T0 + 5 }));
    const lists = s.api.list.mock.calls.length;
    await expect(s.store.assign('c-1')).resolves.toBe('Already taken by Bob.');
    await flush();
    expect(s.api.get).toHaveBeenCalledWith('c-1');
    expect(s.api.list.mock.calls.length).toBe(lists + 1);
    expect(s.store.getState().conversations.get('c-1')?.assigneeId).toBe('ag-2');
    expect(s.thread()).toBeUndefined();
  });

  it('tells the app who the agent is at each welcome', async () => {
    const s = setup();
    s.store.handleFrame({ type: 'welcome', v: 1, agent: agent({ available: true }) });
    expect(s.onAgent).toHaveBeenCalledWith(expect.objectContaining({ available: true }));
  });

  it('signs out when an HTTP call answers 401', async () => {
    const s = setup();
    s.api.list.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'Sign in first'));
    await s.store.refreshList();
    expect(s.onSignedOut).toHaveBeenCalled();
  });

  it('asks for the folder counts at start, then once after a burst of events', async () => {
    const s = setup([], [conversation()]);
    await s.online();
    await flush();
    expect(s.store.getState().counts).toEqual(counts());
    const before = s.api.counts.mock.calls.length;
    s.api.counts.mockResolvedValue(counts(3));
    s.sockets.last.receive({
      type: 'conversation.updated',
      conversation: conversation({ id: 'x', number: 2 }),
    });
    s.sockets.last.receive({ type: 'message.created', message: message(1) });
    s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'x' });
    expect(s.api.counts.mock.calls.length).toBe(before);
    await new Promise((r) => setTimeout(r, 20));
    expect(s.api.counts.mock.calls.length).toBe(before + 1);
    expect(s.store.getState().counts?.unassigned).toBe(3);
  });

  it('asks for the folder with the filters, again on each change; a search spans the folders', async () => {
    const s = setup();
    await s.online();
    const asked = () => JSON.parse(JSON.stringify(s.api.list.mock.lastCall?.[0])) as object;
    expect(asked()).toEqual({ folder: 'unassigned' });
    s.store.setFolder('closed');
    expect(asked()).toEqual({ folder: 'closed' });
    s.store.setFilters({ ...NO_FILTERS, q: 'vera@example.com', assigneeId: 'ag-2', status: 'closed' });
    expect(asked()).toEqual({ q: 'vera@example.com', assigneeId: 'ag-2', status: 'closed' });
    // Picking a folder ends the search (and its status filter).
    s.store.setFolder('closed');
    expect(asked()).toEqual({ folder: 'closed', assigneeId: 'ag-2' });
    expect(s.store.getState().filters).toMatchObject({ q: '', status: '' });
  });

  it('drops a conversation a colleague took from Unassigned, and adds new ones live', async () => {
    const s = setup([], [conversation({ id: 'a' })]);
    await s.online();
    expect(s.listed()).toEqual(['a']);
    s.sockets.last.receive({
      type: 'conversation.updated',
      conversation: conversation({ id: 'a', assigneeId: 'ag-2', updatedAt: T0 + 1 }),
    });
    expect(s.listed()).toEqual([]);
    s.sockets.last.receive({
      type: 'conversation.updated',
      conversation: conversation({ id: 'b', number: 2 }),
    });
    expect(s.listed()).toEqual(['b']);
  });

  it('adds a live conversation only when it matches the search as far as can be told', async () => {
    const s = setup();
    await s.online();
    s.store.setFilters({ ...NO_FILTERS, q: '#7' });
    await flush();
    s.sockets.last.receive({
      type: 'conversation.updated',
      conversation: conversation({ id: 'six', number: 6 }),
    });
    s.sockets.last.receive({
      type: 'conversation.updated',
      conversation: conversation({ id: 'seven', number: 7 }),
    });
    expect(s.listed()).toEqual(['seven']);
  });

  it('says a conversation was deleted when an admin deleted it, not that a colleague has it', async () => {
    const s = setup([message(1)], [conversation()], [activity()]);
    await s.online();
    s.store.open('c-1');
    await flush();
    s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'c-1', reason: 'deleted' });
    expect(s.listed()).toEqual([]);
    expect(s.store.getState().removed.get('c-1')?.notice).toBe('This conversation was deleted.');
  });

  it('forgets a removed conversation everywhere, and a slow list answer does not bring it back', async () => {
    const s = setup([message(1)], [conversation()], [activity()]);
    await s.online();
    s.store.open('c-1');
    await flush();
    let answer: (list: Conversation[]) => void = () => {};
    s.api.list.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    const refresh = s.store.refreshList();
    s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'c-1' });
    answer([conversation()]);
    await refresh;
    const state = s.store.getState();
    expect(s.listed()).toEqual([]);
    expect(state.removed.has('c-1')).toBe(true);
    expect(state.conversations.has('c-1')).toBe(false);
    expect(s.thread()).toBeUndefined();
    expect(state.activities.has('c-1')).toBe(false);

    // Given back to this agent while still open: visible again, history reloaded.
    s.sockets.last.receive({
      type: 'conversation.updated',
      conversation: conversation({ assigneeId: 'ag-1', updatedAt: T0 + 9000 }),
    });
    await flush();
    expect(s.store.getState().removed.has('c-1')).toBe(false);
    expect(s.thread()?.messages.map((m) => m.seq)).toEqual([1]);
  });

  it("loads the open conversation's activities and merges live ones once", async () => {
    const s = setup([message(1)], [conversation()], [activity({ id: 'a1' })]);
    await s.online();
    s.store.open('c-1');
    await flush();
    const live = activity({ id: 'a2', kind: 'closed', text: 'Ada closed it', createdAt: T0 + 9 });
    s.sockets.last.receive({ type: 'activity.created', activity: live });
    s.sockets.last.receive({ type: 'activity.created', activity: live });
    s.sockets.last.receive({
      type: 'activity.created',
      activity: activity({ id: 'x', conversationId: 'c-9' }),
    });
    expect(
      s.store
        .getState()
        .activities.get('c-1')
        ?.map((a) => a.id),
    ).toEqual(['a1', 'a2']);
    expect(s.store.getState().activities.has('c-9')).toBe(false);
  });

  it('adds a note through HTTP, never the socket', async () => {
    const s = setup([], [conversation()]);
    await s.online();
    s.store.open('c-1');
    await flush();
    await expect(s.store.addNote('c-1', 'Call back Monday')).resolves.toBeNull();
    expect(s.api.addNote).toHaveBeenCalledWith('c-1', 'Call back Monday');
    expect(s.sockets.last.sentOfType('message.send')).toEqual([]);
    expect(
      s.store
        .getState()
        .activities.get('c-1')
        ?.map((a) => a.text),
    ).toEqual(['Call back Monday']);
  });

  it('reassigns, tags and closes, keeping the server copy; then counts and the timeline follow', async () => {
    const s = setup([], [conversation()]);
    await s.online();
    s.store.open('c-1');
    await flush();
    const countCalls = s.api.counts.mock.calls.length;
    const timelineCalls = s.api.activities.mock.calls.length;
    await expect(s.store.reassign('c-1', { assigneeId: 'ag-2' })).resolves.toBeNull();
    expect(s.api.setAssignee).toHaveBeenCalledWith('c-1', { assigneeId: 'ag-2' });
    expect(s.store.getState().conversations.get('c-1')?.assigneeId).toBe('ag-2');
    await s.store.setTags('c-1', ['vip']);
    expect(s.store.getState().conversations.get('c-1')?.tags).toEqual(['vip']);
    await s.store.close('c-1');
    expect(s.store.getState().conversations.get('c-1')).toMatchObject({ status: 'closed', closedAt: T0 + 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(s.api.counts.mock.calls.length).toBe(countCalls + 1);
    expect(s.api.activities.mock.calls.length).toBe(timelineCalls + 3);

    s.api.setAssignee.mockRejectedValueOnce(new ApiError(409, 'conversation_closed', 'It is closed.'));
    await expect(s.store.reassign('c-1', { assigneeId: null })).resolves.toBe('It is closed.');
  });

  describe('losing sight of a conversation, and getting it back', () => {
    const handedToBob = conversation({ assigneeId: 'ag-2', updatedAt: T0 + 5000 });

    async function agentWithOpenChat() {
      const s = setup([message(1)], [conversation()], [activity()], 'agent');
      await s.online();
      s.store.open('c-1');
      await flush();
      expect(s.thread()?.status).toBe('ready');
      return s;
    }

    it('an agent who hands the chat to a colleague loses it cleanly, whichever news comes first', async () => {
      for (const frameFirst of [true, false]) {
        const s = await agentWithOpenChat();
        let answer: (c: Conversation) => void = () => {};
        s.api.setAssignee.mockImplementationOnce(() => new Promise((r) => (answer = r)));
        const activityCalls = s.api.activities.mock.calls.length;
        const reassigned = s.store.reassign('c-1', { assigneeId: 'ag-2' });
        if (frameFirst) s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'c-1' });
        answer(handedToBob);
        await expect(reassigned).resolves.toBeNull();
        if (!frameFirst) s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'c-1' });
        await flush();
        const state = s.store.getState();
        expect(state.removed.get('c-1')).toMatchObject({ assigneeId: 'ag-2', notice: null });
        expect(state.conversations.has('c-1')).toBe(false);
        expect(state.notFound.size).toBe(0);
        expect(s.thread()).toBeUndefined();
        expect(state.activities.has('c-1')).toBe(false);
        expect(s.listed()).toEqual([]);
        // Nothing is asked about a chat the agent may not see (each would answer "not found").
        expect(s.api.activities.mock.calls.length).toBe(activityCalls);
      }
    });

    it('a slow answer from before does not bring a gone conversation back', async () => {
      const s = await agentWithOpenChat();
      let activities: (a: Activity[]) => void = () => {};
      s.api.activities.mockImplementationOnce(() => new Promise((r) => (activities = r)));
      s.store.timelineChanged('c-1');
      s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'c-1' });
      activities([activity({ id: 'late' })]);
      await flush();
      expect(s.store.getState().activities.has('c-1')).toBe(false);
      expect(s.store.getState().removed.has('c-1')).toBe(true);
    });

    it('opens normally when it comes back unassigned, with nothing learnt before kept', async () => {
      const s = await agentWithOpenChat();
      await s.store.reassign('c-1', { assigneeId: 'ag-2' });
      s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'c-1' });
      s.store.open(null);
      s.store.open('c-1'); // the agent looks again: still gone, nothing asked
      expect(s.thread()).toBeUndefined();

      s.sockets.last.receive({
        type: 'conversation.updated',
        conversation: conversation({ assigneeId: null, updatedAt: T0 + 9000 }),
      });
      await flush();
      const state = s.store.getState();
      expect(state.removed.has('c-1')).toBe(false);
      expect(s.thread()).toMatchObject({ status: 'ready', error: null });
      expect(s.thread()?.messages.map((m) => m.seq)).toEqual([1]);
      expect(state.activities.get('c-1')?.map((a) => a.id)).toEqual(['act-1']);
      expect(s.listed()).toEqual(['c-1']);
      // And the agent can take it back.
      s.api.assign.mockResolvedValueOnce(conversation({ assigneeId: 'ag-1', updatedAt: T0 + 9500 }));
      await expect(s.store.assign('c-1')).resolves.toBeNull();
      expect(s.store.getState().conversations.get('c-1')?.assigneeId).toBe('ag-1');
      expect(s.store.getState().removed.has('c-1')).toBe(false);
    });

    it('after a reconnect, asks again about the open gone chat: it may have come back meanwhile', async () => {
      const s = await agentWithOpenChat();
      s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'c-1' });
      s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'c-other' });
      s.sockets.last.drop(1006);
      await new Promise((r) => setTimeout(r, 20));
      // Given back to this agent while the socket was down: no frame told it.
      s.api.get.mockResolvedValueOnce(conversation({ assigneeId: 'ag-1', updatedAt: T0 + 9000 }));
      s.sockets.last.open();
      s.sockets.last.receive({ type: 'welcome', v: 1, agent: agent({ role: 'agent' }) });
      await flush();
      await flush();
      expect(s.api.get).toHaveBeenCalledWith('c-1');
      expect(s.store.getState().removed.size).toBe(0);
      expect(s.thread()).toMatchObject({ status: 'ready', error: null });
    });

    it('an admin keeps seeing a chat handed to a colleague', async () => {
      const s = setup([message(1)], [conversation()], [], 'admin');
      await s.online();
      s.store.open('c-1');
      await flush();
      s.api.setAssignee.mockResolvedValueOnce(handedToBob);
      await s.store.reassign('c-1', { assigneeId: 'ag-2' });
      expect(s.store.getState().removed.has('c-1')).toBe(false);
      expect(s.store.getState().conversations.get('c-1')?.assigneeId).toBe('ag-2');
      expect(s.thread()?.status).toBe('ready');
    });

    it("the loser of an assign race keeps the server's words, whether the removal comes first or not", async () => {
      for (const frameFirst of [true, false]) {
        const s = await agentWithOpenChat();
        const refusal = new ApiError(409, 'already_assigned', 'Already taken by Bob.');
        let refuse: () => void = () => {};
        s.api.assign.mockImplementationOnce(
          () => new Promise((_, reject) => (refuse = () => reject(refusal))),
        );
        const assigned = s.store.assign('c-1');
        if (frameFirst) s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'c-1' });
        refuse();
        await expect(assigned).resolves.toBe('Already taken by Bob.');
        if (!frameFirst) s.sockets.last.receive({ type: 'conversation.removed', conversationId: 'c-1' });
        await flush();
        expect(s.store.getState().removed.get('c-1')?.notice).toBe('Already taken by Bob.');
        expect(s.api.get).not.toHaveBeenCalled();
      }
    });

    it('a chat the agent may not see, opened by its id, is "not found" until it is theirs to see', async () => {
      const s = setup([], [], [], 'agent');
      await s.online();
      const notFound = new ApiError(404, 'not_found', 'Conversation not found.');
      s.api.get.mockRejectedValueOnce(notFound);
      s.api.messages.mockRejectedValueOnce(notFound);
      s.api.activities.mockRejectedValueOnce(notFound);
      s.store.open('c-1');
      await flush();
      expect(s.store.getState().notFound.has('c-1')).toBe(true);
      expect(s.store.getState().conversations.has('c-1')).toBe(false);

      // It is unassigned now: the open view loads it, without being opened again.
      s.sockets.last.receive({
        type: 'conversation.updated',
        conversation: conversation({ updatedAt: T0 + 9000 }),
      });
      await flush();
      expect(s.store.getState().notFound.has('c-1')).toBe(false);
      expect(s.thread()).toMatchObject({ status: 'ready', error: null });

      // Opened again later after a second "not found", it is asked again.
      s.api.get.mockRejectedValueOnce(notFound);
      s.store.open(null);
      s.store.open('c-2');
      await flush();
      expect(s.store.getState().notFound.has('c-2')).toBe(true);
      s.store.open(null);
      s.store.open('c-2');
      await flush();
      expect(s.store.getState().notFound.has('c-2')).toBe(false);
      expect(s.store.getState().conversations.has('c-2')).toBe(true);
    });
  });
});
