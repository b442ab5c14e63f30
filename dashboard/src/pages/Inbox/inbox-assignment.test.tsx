// Assigning to anyone, losing sight of a conversation, and closing it.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, type Call } from '../../test-utils/fetch-mock.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation, T0 } from '../../test-utils/fixtures.js';

const reassigned = ({ body }: Call) => ({
  body: {
    conversation: conversation({
      assigneeId: (body as { assigneeId: string | null }).assigneeId,
      updatedAt: T0 + 60_000,
    }),
  },
});

describe('Inbox assignment and closing', () => {
  it('reassigns with the Assignee combobox, to a colleague and back to Unassigned', async () => {
    location.hash = '#/inbox/c-1';
    const { http, connect } = setupApp({
      conv: conversation({ assigneeId: 'ag-1' }),
      routes: { 'PUT /api/conversations/c-1/assignee': reassigned },
    });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    const assignee = await within(view).findByRole('combobox', { name: 'Assignee' });
    await waitFor(() =>
      expect([...(assignee as HTMLSelectElement).options].map((o) => o.text)).toEqual([
        'Unassigned',
        'Ada Admin',
        'Bob Agent',
        'Cy Closer',
      ]),
    );
    expect((assignee as HTMLSelectElement).value).toBe('ag-1');
    expect(within(view).getByText('Assigned to you')).toBeTruthy();

    fireEvent.change(assignee, { target: { value: 'ag-2' } });
    expect(await within(view).findByText('Assigned to Bob Agent')).toBeTruthy();
    fireEvent.change(assignee, { target: { value: '' } });
    await waitFor(() => expect(within(view).queryByText(/^Assigned/)).toBeNull());
    expect(within(view).getByRole('button', { name: 'Assign to me' })).toBeTruthy();
    const puts = http.calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => [c.url, c.body])).toEqual([
      ['/api/conversations/c-1/assignee', { assigneeId: 'ag-2' }],
      ['/api/conversations/c-1/assignee', { assigneeId: null }],
    ]);
  });

  it("shows the server's refusal to reassign", async () => {
    location.hash = '#/inbox/c-1';
    const { connect } = setupApp({
      routes: {
        'PUT /api/conversations/c-1/assignee': () =>
          apiError(409, 'conversation_closed', 'This conversation is closed.'),
      },
    });
    await connect();
    const assignee = await screen.findByRole('combobox', { name: 'Assignee' });
    fireEvent.change(assignee, { target: { value: 'ag-2' } });
    expect((await screen.findByRole('alert')).textContent).toBe('This conversation is closed.');
    expect((assignee as HTMLSelectElement).value).toBe('');
  });

  it('removes a conversation given to a colleague from the lists and the open view', async () => {
    location.hash = '#/inbox/c-1';
    const { server, connect } = setupApp({ role: 'agent' });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    await within(list).findByText('Vera Visitor');
    await within(screen.getByRole('log')).findByText('Hello there');

    server({ type: 'conversation.removed', conversationId: 'c-1' });
    expect(await screen.findByText('This conversation is no longer assigned to you.')).toBeTruthy();
    expect(within(list).queryByText('Vera Visitor')).toBeNull();
    expect(screen.queryByRole('log')).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Reply' })).toBeNull();
  });

  it('closes the chat: closed time in the header, no reply box, listed under Closed', async () => {
    location.hash = '#/inbox/c-1';
    const closedAt = Date.now();
    const closed = conversation({ status: 'closed', closedAt, updatedAt: closedAt, assigneeId: 'ag-1' });
    let isClosed = false;
    const { http, connect } = setupApp({
      conv: conversation({ assigneeId: 'ag-1' }),
      routes: {
        'POST /api/conversations/c-1/close': () => {
          isClosed = true;
          return { body: { conversation: closed } };
        },
        'GET /api/conversations': ({ url }) => ({
          body: { conversations: isClosed && url.includes('folder=closed') ? [closed] : [] },
        }),
      },
    });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    await within(view).findByRole('textbox', { name: 'Reply' });
    fireEvent.click(within(view).getByRole('button', { name: 'Close chat' }));

    const badge = await within(view).findByText(/^Closed/, { selector: '.thread-header__sub span' });
    expect(badge.querySelector('time')).toBeTruthy();
    expect(within(view).getByText('This conversation is closed.')).toBeTruthy();
    expect(within(view).queryByRole('textbox', { name: 'Reply' })).toBeNull();
    expect(within(view).queryByRole('button', { name: 'Close chat' })).toBeNull();
    expect(within(view).getByRole<HTMLSelectElement>('combobox', { name: 'Assignee' }).disabled).toBe(true);
    expect(http.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      '/api/conversations/c-1/close',
    ]);
    // Notes still go on the record of a closed conversation.
    fireEvent.click(within(view).getByRole('button', { name: 'Note' }));
    expect(within(view).getByRole('textbox', { name: 'Internal note' })).toBeTruthy();
    expect(within(view).getByText('This conversation is closed.')).toBeTruthy();

    const list = screen.getByRole('region', { name: 'Conversations' });
    fireEvent.click(within(list).getByRole('tab', { name: 'Closed' }));
    const row = (await within(list).findByText('Vera Visitor')).closest('a')!;
    expect(within(row).getByText(/^Closed/).textContent).toMatch(/^Closed \S/);
  });
});
