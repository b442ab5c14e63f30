// Typing, seen receipts and unread counts in the inbox: the list's and folders' unread badges (live), "is typing…"
// with the shared preview, "Seen" under the reply the visitor read, the agent's own typing (throttled), reading on
// opening, and "Mark as unread".
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { message } from '../../test-utils/fixtures.js';

const HISTORY = [
  message(1, { body: 'Hello there' }),
  message(2, { body: 'Hi! How can I help?', author: { kind: 'agent', id: 'agent-2', name: 'Ann' } }),
];

function unreadRoute(state: { count: number }) {
  return () => ({
    body: {
      unread: {
        conversations: state.count > 0 ? { 'c-1': state.count } : {},
        folders: { unassigned: state.count > 0 ? 1 : 0, mine: 0, teams: 0, all: 1, bot: 0 },
      },
    },
  });
}

describe('unread, typing and seen in the inbox', () => {
  it('badges unread chats in the list and folders, live, and reads a chat on opening it', async () => {
    location.hash = '#/inbox';
    const unread = { count: 2 };
    const app = setupApp({ history: HISTORY, routes: { 'GET /api/unread': unreadRoute(unread) } });
    await app.connect();
    const link = await screen.findByRole('link', { name: /Vera Visitor/ });
    await waitFor(() => expect(within(link).getByTitle('2 unread').textContent).toBe('2 unread'));
    const tab = screen.getByRole('tab', { name: /Unassigned/ });
    await waitFor(() => expect(within(tab).getByTitle('1 unread')).toBeTruthy());

    // A new visitor message counts at once.
    unread.count = 3;
    app.server({ type: 'message.created', message: message(3, { body: 'Anyone?' }) });
    await waitFor(() => expect(within(link).getByTitle('3 unread')).toBeTruthy());

    // Opening it reads it up to the last message it shows (its history, before the socket's replay); the badge goes.
    location.hash = '#/inbox/c-1';
    await waitFor(() =>
      expect(app.sockets.last.sentOfType('read')).toEqual([{ type: 'read', conversationId: 'c-1', seq: 2 }]),
    );
    unread.count = 0;
    await waitFor(() =>
      expect(within(screen.getByRole('link', { name: /Vera Visitor/ })).queryByTitle(/unread/)).toBeNull(),
    );
  });

  it('shows who is typing and the shared preview, "Seen" under the reply the visitor read, and sends typing', async () => {
    location.hash = '#/inbox/c-1';
    const app = setupApp({
      history: HISTORY,
      routes: {
        'GET /api/conversations/c-1/reads': () => ({
          body: { reads: { visitor: { seq: 2, readAt: 1_700_000_000_000 }, team: null, mine: null } },
        }),
      },
    });
    await app.connect();
    const seen = await screen.findByText('Seen');
    expect(seen.getAttribute('title')).toMatch(/^Seen /);
    // Under the agent's reply the visitor read.
    expect(seen.previousElementSibling?.textContent).toContain('Hi! How can I help?');

    app.server({
      type: 'typing',
      conversationId: 'c-1',
      from: { kind: 'visitor', id: 'v-1', name: 'Vera Visitor' },
      typing: true,
      text: 'I would like to',
    });
    const status = await screen.findByText('Vera Visitor is typing…');
    expect(status.closest('[role="status"]')?.textContent).toContain('I would like to');
    app.server({
      type: 'typing',
      conversationId: 'c-1',
      from: { kind: 'visitor', id: 'v-1', name: 'Vera Visitor' },
      typing: false,
    });
    await waitFor(() => expect(screen.queryByText('Vera Visitor is typing…')).toBeNull());

    // A later reply the visitor reads moves "Seen" there, live.
    app.server({
      type: 'message.created',
      message: message(3, { body: 'Anything else?', author: { kind: 'agent', id: 'agent-2', name: 'Ann' } }),
    });
    app.server({
      type: 'read.moved',
      conversationId: 'c-1',
      reader: 'visitor',
      seq: 3,
      readAt: 1_700_000_100_000,
    });
    await waitFor(() =>
      expect(screen.getByText('Seen').previousElementSibling?.textContent).toContain('Anything else?'),
    );

    // The agent's typing: one frame for a burst of keystrokes.
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Reply' });
    for (const value of ['O', 'Ok', 'Ok,', 'Ok, one']) fireEvent.input(box, { target: { value } });
    expect(app.sockets.last.sentOfType('typing')).toEqual([
      { type: 'typing', conversationId: 'c-1', typing: true },
    ]);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(app.sockets.last.sentOfType('typing')).toEqual([
      { type: 'typing', conversationId: 'c-1', typing: true },
      { type: 'typing', conversationId: 'c-1', typing: false },
    ]);
  });

  it('Mark as unread puts the chat back to unread and returns to the list', async () => {
    location.hash = '#/inbox/c-1';
    const unread = { count: 0 };
    const app = setupApp({
      history: HISTORY,
      routes: {
        'GET /api/unread': unreadRoute(unread),
        'POST /api/conversations/c-1/unread': () => {
          unread.count = 1;
          return {
            body: { reads: { visitor: null, team: { seq: 2, readAt: 0 }, mine: { seq: 0, readAt: 0 } } },
          };
        },
      },
    });
    await app.connect();
    fireEvent.click(await screen.findByRole('button', { name: 'Mark as unread' }));
    await waitFor(() => expect(location.hash).toBe('#/inbox'));
    const link = await screen.findByRole('link', { name: /Vera Visitor/ });
    await waitFor(() => expect(within(link).getByTitle('1 unread')).toBeTruthy());
  });
});
