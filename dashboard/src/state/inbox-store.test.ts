import type { Conversation, Message } from '@livechat/shared/model';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/index.js';
import { fakeSockets } from '../test-utils/fake-socket.js';
import { agent, conversation, message, T0 } from '../test-utils/fixtures.js';
import { listConversations } from './conversation-list.js';
import { InboxStore } from './inbox-store.js';

const stores: InboxStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.stop();
});

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(history: Message[] = [], list: Conversation[] = []) {
  const sockets = fakeSockets();
  const api = {
    list: vi.fn((): Promise<Conversation[]> => Promise.resolve(list)),
    get: vi.fn((id: string) => Promise.resolve(conversation({ id }))),
    messages: vi.fn((id: string, afterSeq: number): Promise<Message[]> =>
      Promise.resolve(history.filter((m) => m.conversationId === id && m.seq > afterSeq)),
    ),
    assign: vi.fn((id: string) =>
      Promise.resolve(conversation({ id, assigneeId: 'ag-1', updatedAt: T0 + 1 })),
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
  });
  stores.push(store);
  store.start();
  const online = async () => {
    sockets.last.open();
    sockets.last.receive({ type: 'welcome', v: 1, agent: agent() });
    await flush();
  };
  const thread = (id = 'c-1') => store.getState().threads.get(id);
  return { store, api, sockets, onSignedOut, onAgent, online, thread };
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

  it('upserts conversation.updated and reorders the list by activity', async () => {
    const s = setup(
      [],
      [
        conversation({ id: 'a', number: 1, updatedAt: T0 + 10 }),
        conversation({ id: 'b', number: 2, updatedAt: T0 + 20 }),
      ],
    );
    await s.online();
    const order = () => listConversations(s.store.getState().conversations, 'open').map((c) => c.id);
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
    expect(listConversations(s.store.getState().conversations, 'closed').map((c) => c.id)).toEqual(['b']);
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
});
