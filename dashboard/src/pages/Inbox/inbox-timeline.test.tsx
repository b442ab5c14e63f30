// The agents-only timeline: events and internal notes among the messages, and the note composer.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation, message, T0 } from '../../test-utils/fixtures.js';
import { activity } from '../../test-utils/inbox-fixtures.js';

const texts = (log: HTMLElement) =>
  [...log.querySelectorAll('li')].map((li) => li.querySelector('.msg__body')?.textContent);

describe('Inbox timeline', () => {
  it('merges events and internal notes with the messages by time, and adds live ones', async () => {
    location.hash = '#/inbox/c-1';
    const { server, connect } = setupApp({
      history: [message(1, { body: 'Hi' }), message(2, { body: 'Anyone?' })],
      routes: {
        'GET /api/conversations/c-1/activities': () => ({
          body: {
            activities: [
              activity({
                id: 'a1',
                text: 'Ada Admin assigned this conversation to Bob',
                createdAt: T0 + 1500,
              }),
              activity({
                id: 'n1',
                kind: 'note',
                actor: { id: 'ag-2', name: 'Bob Agent' },
                text: 'VIP customer',
                createdAt: T0 + 2500,
              }),
            ],
          },
        }),
      },
    });
    await connect();
    const log = await screen.findByRole('log', { name: 'Messages' });
    await waitFor(() =>
      expect(texts(log)).toEqual([
        'Hi',
        'Ada Admin assigned this conversation to Bob',
        'Anyone?',
        'VIP customer',
      ]),
    );
    const event = within(log).getByText('Ada Admin assigned this conversation to Bob').closest('li')!;
    expect(event.className).toContain('msg--system');
    const note = within(log).getByText('VIP customer').closest('li')!;
    expect(note.className).toContain('msg--note');
    expect(within(note).getByText('Internal note')).toBeTruthy();
    expect(within(note).getByText('Bob Agent')).toBeTruthy();

    server({
      type: 'activity.created',
      activity: activity({
        id: 'a2',
        kind: 'tags_changed',
        text: 'Bob Agent tagged it vip',
        createdAt: T0 + 9000,
      }),
    });
    await waitFor(() => expect(texts(log).at(-1)).toBe('Bob Agent tagged it vip'));
  });

  it('posts an internal note to /notes, never through the socket, and shows it', async () => {
    location.hash = '#/inbox/c-1';
    const { http, sockets, connect } = setupApp({
      routes: {
        'POST /api/conversations/c-1/notes': ({ body }) => ({
          status: 201,
          body: {
            activity: activity({
              id: 'n9',
              kind: 'note',
              text: (body as { body: string }).body,
              createdAt: T0 + 9000,
            }),
          },
        }),
      },
    });
    await connect();
    await screen.findByRole('textbox', { name: 'Reply' });
    fireEvent.click(screen.getByRole('button', { name: 'Note' }));
    expect(screen.queryByRole('textbox', { name: 'Reply' })).toBeNull();
    const box = screen.getByRole('textbox', { name: 'Internal note' });
    fireEvent.input(box, { target: { value: 'Promised a discount' } });
    fireEvent.keyDown(box, { key: 'Enter' });

    const log = screen.getByRole('log', { name: 'Messages' });
    const note = (await within(log).findByText('Promised a discount')).closest('li')!;
    expect(note.className).toContain('msg--note');
    expect(http.calls.filter((c) => c.method === 'POST').map((c) => [c.url, c.body])).toEqual([
      ['/api/conversations/c-1/notes', { body: 'Promised a discount' }],
    ]);
    expect(sockets.last.sentOfType('message.send')).toEqual([]);
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));

    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeTruthy();
  });

  it("names the visitor by the contact's current name, and says each event once", async () => {
    location.hash = '#/inbox/c-1';
    const visitor = { kind: 'visitor' as const, id: 'v-1', name: 'Visitor 7553' };
    const system = { kind: 'system' as const, id: null, name: '' };
    const ann = { id: 'ag-2', name: 'Ann' };
    const { server, connect } = setupApp({
      conv: conversation({ visitorName: 'Vera Stone', lastSeq: 5 }),
      history: [
        message(1, { author: visitor, body: 'Hi' }),
        message(2, {
          author: system,
          body: 'Ann joined the chat',
          content: { type: 'agent_joined', agent: ann },
        }),
        message(3, { author: visitor, body: 'Thanks' }),
        message(4, {
          author: system,
          body: 'Ann left the chat',
          content: { type: 'agent_left', agent: ann },
        }),
        message(5, { author: system, body: 'The chat was closed.', content: { type: 'closed' } }),
      ],
      routes: {
        'GET /api/conversations/c-1/activities': () => ({
          body: {
            activities: [
              activity({
                id: 'joined',
                text: 'Ann assigned this conversation to themselves',
                data: { assigneeId: 'ag-2', assigneeName: 'Ann' },
                createdAt: T0 + 2000,
              }),
              activity({
                id: 'closed',
                kind: 'closed',
                text: 'Ann closed the conversation',
                createdAt: T0 + 5000,
              }),
            ],
          },
        }),
      },
    });
    await connect();
    const log = await screen.findByRole('log', { name: 'Messages' });
    await waitFor(() =>
      expect(texts(log)).toEqual([
        'Hi',
        'Ann assigned this conversation to themselves',
        'Thanks',
        'Ann left the chat',
        'Ann closed the conversation',
      ]),
    );
    const authors = () => [...log.querySelectorAll('.msg--visitor .msg__author')].map((a) => a.textContent);
    expect(authors()).toEqual(['Vera Stone', 'Vera Stone']);
    expect(within(log).queryByText('Visitor 7553')).toBeNull();

    // The contact's name changes (the bot asked, or an agent saved the details): the thread follows at once.
    server({
      type: 'conversation.updated',
      conversation: conversation({ visitorName: 'Vera Stone-Ray', lastSeq: 5, updatedAt: T0 + 60_000 }),
    });
    await waitFor(() => expect(authors()).toEqual(['Vera Stone-Ray', 'Vera Stone-Ray']));
  });
});
