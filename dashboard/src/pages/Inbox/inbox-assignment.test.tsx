// Assigning to anyone, losing sight of a conversation, and closing it.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import type { AssigneeBody } from '@livechat/shared/api';
import { apiError, type Call } from '../../test-utils/fetch-mock.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation, lead, message, T0 } from '../../test-utils/fixtures.js';
import { details, TEAMS } from '../../test-utils/inbox-fixtures.js';

const reassigned = ({ body }: Call) => {
  const target = body as AssigneeBody;
  return {
    body: {
      conversation: conversation({
        assigneeId: target.assigneeId ?? null,
        teamId: target.teamId ?? null,
        queuedAt: T0,
        updatedAt: T0 + 60_000,
      }),
    },
  };
};

/** The line the thread pane shows in place of a chat the agent lost sight of. */
const notice = async () => {
  const pane = await screen.findByRole('region', { name: 'Conversation' });
  return within(pane).getByRole('status').textContent;
};

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
        'Sales',
        'Support',
      ]),
    );
    expect((assignee as HTMLSelectElement).value).toBe('agent:ag-1');
    expect(within(view).getByText('Assigned to you')).toBeTruthy();

    fireEvent.change(assignee, { target: { value: 'agent:ag-2' } });
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

  it("puts the chat in a team's queue, and narrows the choices with Search assignees", async () => {
    location.hash = '#/inbox/c-1';
    const { http, connect } = setupApp({
      conv: conversation({ assigneeId: 'ag-1' }),
      routes: { 'PUT /api/conversations/c-1/assignee': reassigned },
    });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    const assignee = await within(view).findByRole<HTMLSelectElement>('combobox', { name: 'Assignee' });
    await waitFor(() => expect(assignee.options).toHaveLength(6));
    const search = within(view).getByRole('searchbox', { name: 'Search assignees' });
    fireEvent.input(search, { target: { value: 'sup' } });
    // The current assignee stays (a select shows its value); the rest narrow to "Support".
    expect([...assignee.options].map((o) => o.text)).toEqual(['Unassigned', 'Ada Admin', 'Support']);
    expect(within(assignee).getByRole('group', { name: 'Teams' })).toBeTruthy();
    fireEvent.input(search, { target: { value: 'nobody' } });
    expect(within(view).getByText('No agent or team has that name.')).toBeTruthy();
    fireEvent.input(search, { target: { value: 'sup' } });

    fireEvent.change(assignee, { target: { value: 'team:t-support' } });
    expect(await within(view).findByText('Waiting in the Support queue')).toBeTruthy();
    expect(within(view).getByRole('button', { name: 'Assign to me' })).toBeTruthy();
    expect(http.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { teamId: 't-support' },
    ]);
  });

  it('asks for the teams again when the open chat is in a team made after the inbox loaded', async () => {
    location.hash = '#/inbox/c-1';
    let asked = 0;
    const { connect } = setupApp({
      conv: conversation({ teamId: 't-sales', queuedAt: T0 }),
      routes: { 'GET /api/teams': () => ({ body: { teams: asked++ === 0 ? [] : TEAMS } }) },
    });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    expect(await within(view).findByText('Waiting in the Sales queue')).toBeTruthy();
    expect(asked).toBe(2);
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
    fireEvent.change(assignee, { target: { value: 'agent:ag-2' } });
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
    expect(await notice()).toBe('This chat is now with a colleague. You can no longer see it.');
    expect(within(list).queryByText('Vera Visitor')).toBeNull();
    expect(screen.queryByRole('log')).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Reply' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an agent hands the chat to a colleague: it leaves cleanly, and opens normally when it comes back', async () => {
    location.hash = '#/inbox/c-1';
    const mine = conversation({ assigneeId: 'ag-1', lastSeq: 1, lastMessagePreview: 'Hello there' });
    let visible = true;
    const gone = () => apiError(404, 'not_found', 'Conversation not found.');
    const { http, server, connect } = setupApp({
      role: 'agent',
      conv: mine,
      routes: {
        'PUT /api/conversations/c-1/assignee': (call) => {
          visible = false;
          return reassigned(call);
        },
        // Every read of a colleague's chat is "not found", as the server answers.
        'GET /api/conversations/c-1/messages': () =>
          visible ? { body: { messages: [message(1, { body: 'Hello there' })] } } : gone(),
        'GET /api/conversations/c-1/activities': () => (visible ? { body: { activities: [] } } : gone()),
        'GET /api/conversations/c-1/details': () => (visible ? { body: { details: details() } } : gone()),
        'GET /api/conversations/c-1/lead': () => (visible ? { body: { lead: lead() } } : gone()),
        'GET /api/conversations/c-1/records': () => (visible ? { body: { records: [] } } : gone()),
      },
    });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    await within(within(view).getByRole('log')).findByText('Hello there');
    const assignee = within(view).getByRole('combobox', { name: 'Assignee' });
    await waitFor(() => expect(within(assignee).getByRole('option', { name: 'Bob Agent' })).toBeTruthy());

    fireEvent.change(assignee, { target: { value: 'agent:ag-2' } });
    expect(await notice()).toBe('Handed to Bob Agent. You can no longer see this chat.');
    // The server tells the socket too; the view stays as it is.
    server({ type: 'conversation.removed', conversationId: 'c-1' });
    await new Promise((r) => setTimeout(r, 20));
    expect(await notice()).toBe('Handed to Bob Agent. You can no longer see this chat.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/not found/i)).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Reply' })).toBeNull();
    expect(screen.queryByRole('log')).toBeNull();
    const list = screen.getByRole('region', { name: 'Conversations' });
    expect(within(list).queryByText('Vera Visitor')).toBeNull();

    // Bob puts it back in Unassigned: it opens as any chat does.
    visible = true;
    server({
      type: 'conversation.updated',
      conversation: conversation({ assigneeId: null, updatedAt: T0 + 120_000, lastSeq: 1 }),
    });
    const back = await screen.findByRole('region', { name: 'Conversation #1' });
    await within(within(back).getByRole('log')).findByText('Hello there');
    expect(within(back).getByRole('button', { name: 'Assign to me' })).toBeTruthy();
    expect(within(back).getByRole('textbox', { name: 'Reply' })).toBeTruthy();
    await waitFor(() =>
      expect(within(back).getByRole<HTMLInputElement>('textbox', { name: 'Contact name' })).toBeTruthy(),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/not found/i)).toBeNull();
    await within(list).findByText('Vera Visitor');
    expect(http.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ assigneeId: 'ag-2' }]);
  });

  it("the loser of an Assign to me race reads the server's words, not a generic line", async () => {
    location.hash = '#/inbox/c-1';
    let refuse: () => void = () => {};
    const { server, connect } = setupApp({
      role: 'agent',
      routes: {
        'POST /api/conversations/c-1/assign': () =>
          new Promise((resolve) => {
            refuse = () => resolve(apiError(409, 'already_assigned', 'Already taken by Bob Agent.'));
          }),
      },
    });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    fireEvent.click(await within(view).findByRole('button', { name: 'Assign to me' }));
    // Bob's win reaches the socket before the refusal reaches the click.
    server({ type: 'conversation.removed', conversationId: 'c-1' });
    refuse();
    await waitFor(async () => expect(await notice()).toBe('Already taken by Bob Agent.'));
    expect(screen.queryByText('This conversation is no longer assigned to you.')).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Reply' })).toBeNull();
  });

  // The server answers 404 alike for both; so does the view: the same pane, word for word.
  it.each(['c-theirs', 'c-unknown'])(
    'a chat opened by its address that the agent may not see (%s) is a plain not found',
    async (id) => {
      location.hash = `#/inbox/${id}`;
      const notFound = () => apiError(404, 'not_found', 'Conversation not found.');
      const { connect } = setupApp({
        role: 'agent',
        routes: {
          [`GET /api/conversations/${id}`]: notFound,
          [`GET /api/conversations/${id}/messages`]: notFound,
          [`GET /api/conversations/${id}/activities`]: notFound,
        },
      });
      await connect();
      const pane = await screen.findByRole('region', { name: 'Conversation' });
      await waitFor(() => expect(pane.textContent).toBe('Conversation not found.'));
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.queryByRole('textbox', { name: 'Reply' })).toBeNull();
    },
  );

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
